import Foundation
import HostRuntime
import Scenario
import ShareModel

extension ScenarioReference {
    /// The YAML of the scenario as one file that stands alone, with `variant` applied unless
    /// it is nil or `base`: what `sharesim show` prints (see ``StandaloneScenario``).
    ///
    /// - Throws: ``ScenarioError`` (an unknown built-in or variant, listing what there is; a
    ///   file that does not decode) or ``ExperimentError/usage(_:)`` for a missing file.
    public func standaloneText(variant: String?) throws -> String {
        if isBuiltin { return try StandaloneScenario.builtin(location, variant: variant).text }
        guard FileManager.default.fileExists(atPath: location) else {
            throw ExperimentError.usage("no such scenario file: \(location)")
        }
        return try StandaloneScenario.file(location, variant: variant).text
    }
}

/// `sharesim init`: a built-in scenario written to a file of the user's, to edit and run.
public enum ScenarioInit {
    /// Writes the built-in scenario `name` as ``StandaloneScenario/builtin(_:variant:)`` gives
    /// it (as shipped, or resolved when it extends another) to `output`: `NAME.yaml` in the
    /// current folder when nil, `NAME.yaml` inside it when it is a folder. The file is
    /// written atomically and never replaces one that exists unless `force`. The built-in
    /// trace files it names (`traces/NAME.csv`) are written beside it on the same terms (one
    /// already there with the same text is left as it is), so the file runs as written.
    ///
    /// - Returns: The line to print: where it wrote, and the command that runs it.
    /// - Throws: ``ScenarioError`` for an unknown name (listing the built-in ones),
    ///   ``ExperimentError/usage(_:)`` naming the file when it exists and `force` is false,
    ///   ``ExperimentError/failed(_:)`` when it cannot be written.
    public static func write(builtin name: String, to output: String?, force: Bool) throws -> String {
        let scenario = try StandaloneScenario.builtin(name)
        var path = output ?? name + ".yaml"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path = (path.hasSuffix("/") ? path : path + "/") + name + ".yaml"
        }
        do throws(FileOperationError) {
            try AtomicFile.write(path: path, contents: scenario.text, replacing: force)
        } catch  where error.code == EEXIST && !force {
            throw ExperimentError.usage("\(path) exists already; pass --force to overwrite it")
        } catch {
            throw ExperimentError.failed("cannot write \(path): \(error.message)")
        }
        let traces = try writeTraces(of: name, beside: path, force: force)
        let extra = traces.isEmpty ? "" : " and \(traces.joined(separator: ", "))"
        return "wrote \(path)\(extra) (the built-in scenario \(name)); run it with: sharesim run \(shellWord(path))"
    }

    /// Writes the built-in traces scenario `name` names next to `path`; returns their paths.
    static func writeTraces(of name: String, beside path: String, force: Bool) throws -> [String] {
        let scenario = try BuiltinScenarios.scenario(named: name)
        let named = scenario.spec.arrivalTraces.map(\.name) + scenario.spec.deviceTraces.map(\.name)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var written: [String] = []
        for trace in named where !written.contains(trace) {
            guard let text = BuiltinScenarios.trace(named: trace) else { continue }
            let target = folder.appendingPathComponent(trace)
            let contents = text + "\n"
            if !force, (try? String(contentsOf: target, encoding: .utf8)) == contents { continue }
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
            } catch {
                throw ExperimentError.failed("cannot create the folder of \(target.path): \(error)")
            }
            do throws(FileOperationError) {
                try AtomicFile.write(path: target.path, contents: contents, replacing: force)
            } catch  where error.code == EEXIST && !force {
                throw ExperimentError.usage("\(target.path) exists already; pass --force to overwrite it")
            } catch {
                throw ExperimentError.failed("cannot write \(target.path): \(error.message)")
            }
            written.append(target.path)
        }
        return written
    }

    /// `word` as one shell word: as it is when it holds only safe characters, else single-quoted.
    static func shellWord(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./+=:@%".contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
