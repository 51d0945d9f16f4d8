import ShareModel
import SimCore

extension ScenarioBuilder {
    /// `links:` the links drawn beside the built-in ones, each with a `capacity` and either a
    /// `latency` or the two places it runs `between`; names and values are checked by the
    /// model (``ModelSpec/validate()``), at the element recorded here.
    mutating func readLinks(_ top: inout MappingReader) -> [LinkSpec]? {
        let links =
            top.named("links", element: "link") { link, name -> LinkSpec? in
                self.elements[.link(name)] = link.node
                let capacity = link.required("capacity", as: .dataRate)
                let hasLatency = link.contains("latency")
                let hasBetween = link.contains("between")
                guard hasLatency != hasBetween else {
                    link.ignore("latency", "between")
                    link.error(
                        "link '\(name)' needs exactly one of 'latency' (a duration) or 'between' (two places), got "
                            + (hasLatency ? "both" : "neither")
                    )
                    return nil
                }
                var latency: LinkSpec.Latency?
                if hasLatency {
                    latency = link.required("latency", as: .simDuration).map(LinkSpec.Latency.fixed)
                } else if let places = link.list("between", of: .name, required: true) {
                    if places.count == 2 {
                        latency = .between(places[0], places[1])
                    } else {
                        link.error(
                            "'between' in link '\(name)' needs exactly two places, got \(places.count)",
                            at: link.entry("between")?.value ?? link.node
                        )
                    }
                }
                guard let capacity, let latency else { return nil }
                return LinkSpec(name: name, capacityBitsPerSecond: capacity, latency: latency)
            } ?? []
        drawnLinkNames = names(of: .link)
        return links
    }

    /// `paths:` the drawn links traffic between two ends crosses, each `{from, to, via}`;
    /// names are checked by the model, at the path recorded here.
    mutating func readPaths(_ top: inout MappingReader) -> [PathSpec]? {
        var index = 0
        return top.mappings("paths", element: "path") { path -> PathSpec? in
            let from = path.required("from", as: .name)
            let to = path.required("to", as: .name)
            let via = path.list("via", of: .name, required: true)
            guard let from, let to, let via else { return nil }
            self.elements[.path(index, from: from, to: to)] = path.node
            index += 1
            return PathSpec(from: from, to: to, via: via)
        } ?? []
    }
}
