import HostRuntime
import Testing

@Suite("Prometheus text format")
struct LivePrometheusTests {
    @Test("metrics are written with HELP, TYPE and escaped labels, exactly")
    func exactText() {
        let metrics = [
            PrometheusMetric(
                name: "sharesim_served_total",
                help: "Requests served.\nPer class, \\ escaped.",
                type: .counter,
                samples: [
                    .init(labels: [("class", "orders")], value: 42),
                    .init(labels: [("class", "a \"quoted\"\nname\\x"), ("region", "r")], value: 0.25),
                ]
            ),
            PrometheusMetric(
                name: "sharesim_sim_time_seconds",
                help: "Simulated time.",
                type: .gauge,
                samples: [.init(value: 1e-7)]
            ),
            PrometheusMetric(
                name: "sharesim_speed",
                help: "Speed.",
                type: .gauge,
                samples: [.init(value: .infinity), .init(labels: [("x", "y")], value: .nan)]
            ),
        ]
        #expect(
            PrometheusText.format(metrics) == """
                # HELP sharesim_served_total Requests served.\\nPer class, \\\\ escaped.
                # TYPE sharesim_served_total counter
                sharesim_served_total{class="orders"} 42
                sharesim_served_total{class="a \\"quoted\\"\\nname\\\\x",region="r"} 0.25
                # HELP sharesim_sim_time_seconds Simulated time.
                # TYPE sharesim_sim_time_seconds gauge
                sharesim_sim_time_seconds 1e-07
                # HELP sharesim_speed Speed.
                # TYPE sharesim_speed gauge
                sharesim_speed +Inf
                sharesim_speed{x="y"} NaN

                """
        )
    }

    @Test("a histogram: cumulative le buckets ending in +Inf, then _sum and _count, per series, exactly")
    func histogram() {
        let metric = PrometheusMetric.histogram(
            name: "sharesim_latency_seconds",
            help: "Latency.",
            series: [
                .init(
                    labels: [("class", "orders")],
                    upperBounds: [0.0025, 1],
                    cumulativeCounts: [2, 5, 7],
                    sum: 9.5
                ),
                .init(labels: [("class", "video")], upperBounds: [0.0025, 1], cumulativeCounts: [0, 0, 0], sum: 0),
            ]
        )
        #expect(metric.type == .histogram)
        #expect(
            PrometheusText.format([metric]) == """
                # HELP sharesim_latency_seconds Latency.
                # TYPE sharesim_latency_seconds histogram
                sharesim_latency_seconds_bucket{class="orders",le="0.0025"} 2
                sharesim_latency_seconds_bucket{class="orders",le="1"} 5
                sharesim_latency_seconds_bucket{class="orders",le="+Inf"} 7
                sharesim_latency_seconds_sum{class="orders"} 9.5
                sharesim_latency_seconds_count{class="orders"} 7
                sharesim_latency_seconds_bucket{class="video",le="0.0025"} 0
                sharesim_latency_seconds_bucket{class="video",le="1"} 0
                sharesim_latency_seconds_bucket{class="video",le="+Inf"} 0
                sharesim_latency_seconds_sum{class="video"} 0
                sharesim_latency_seconds_count{class="video"} 0

                """
        )
    }

    @Test("metric and label names are checked against the format's grammar")
    func names() {
        #expect(PrometheusText.isValidMetricName("sharesim_served_total"))
        #expect(PrometheusText.isValidMetricName("a:b_1"))
        #expect(!PrometheusText.isValidMetricName("1abc"))
        #expect(!PrometheusText.isValidMetricName("a-b"))
        #expect(!PrometheusText.isValidMetricName(""))
        #expect(PrometheusText.isValidLabelName("class"))
        #expect(!PrometheusText.isValidLabelName("a:b"))
    }

    @Test("values: whole numbers without a fraction, negatives and infinities")
    func values() {
        #expect(PrometheusText.formatValue(3) == "3")
        #expect(PrometheusText.formatValue(-2.5) == "-2.5")
        #expect(PrometheusText.formatValue(-.infinity) == "-Inf")
        #expect(PrometheusText.formatValue(1e20) == "1e+20")
    }
}
