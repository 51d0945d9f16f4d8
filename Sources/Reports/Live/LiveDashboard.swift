import Foundation

/// The page `GET /` serves in `sharesim live`: one self-contained HTML document (inline CSS
/// and JavaScript, no external resources) that follows `/events` with an `EventSource` and
/// draws line charts on canvases, plus buttons that `POST /control`.
public enum LiveDashboard {
    /// The page, titled with the scenario's name; its buttons send `controlToken` as
    /// `Authorization: Bearer TOKEN`, so the page must be served only to those allowed to
    /// control the run.
    public static func page(title: String, controlToken: String) -> String {
        template.replacingOccurrences(of: "{{AXIS_SCRIPT}}", with: axisScript)
            .replacingOccurrences(of: "{{CONTROL_TOKEN}}", with: javaScriptString(controlToken))
            .replacingOccurrences(of: "{{TITLE}}", with: HTMLText.escape(title))
    }

    /// `text` as a JavaScript string literal that is also safe inside an HTML `<script>`.
    private static func javaScriptString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || "\"\\<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
                let hex = String(scalar.value, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    /// The page's axis functions, in JavaScript: `axisTicks(kind, max)` gives a chart's top and
    /// its tick labels in human units (`kind` `"duration"`: values in seconds, labelled in µs,
    /// ms, s, min, h or d; `"rate"`: per second, with k, M or G; `"percent"`), at steps of 1,
    /// 2, 2.5 or 5 times a power of ten, never in exponent notation; `formatTime(seconds)`
    /// writes a simulated time the same way (`6500` → `108.3 min`).
    public static let axisScript = #"""
        function niceStep(max, count) {
          const raw = max / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
          for (const m of [1, 2, 2.5, 5]) if (m * power >= raw * (1 - 1e-9)) return m * power;
          return 10 * power;
        }
        function plain(value) { return String(Number(value.toPrecision(6))); }
        function durationUnit(seconds) {
          if (seconds < 1e-3) return [1e-6, " µs"];
          if (seconds < 1) return [1e-3, " ms"];
          if (seconds < 120) return [1, " s"];
          if (seconds < 7200) return [60, " min"];
          if (seconds < 172800) return [3600, " h"];
          return [86400, " d"];
        }
        function rateUnit(perSecond) {
          if (perSecond >= 1e9) return [1e9, "G/s"];
          if (perSecond >= 1e6) return [1e6, "M/s"];
          if (perSecond >= 1e3) return [1e3, "k/s"];
          return [1, "/s"];
        }
        function axisTicks(kind, max) {
          if (!(max > 0)) max = kind === "duration" ? 1e-3 : 1;
          const [unit, suffix] = kind === "duration" ? durationUnit(max) : kind === "rate" ? rateUnit(max) : [1, "%"];
          const step = niceStep(max / unit, 4), count = Math.max(1, Math.ceil(max / unit / step - 1e-9));
          const labels = [];
          for (let i = 0; i <= count; i++) labels.push(i === 0 ? "0" : plain(i * step) + suffix);
          return { top: Number((count * step * unit).toPrecision(12)), labels: labels };
        }
        function formatTime(seconds) {
          const [unit, suffix] = durationUnit(Math.max(1, seconds));
          return plain(Math.round(seconds / unit * 10) / 10) + suffix;
        }
        """#

    private static let template = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>sharesim live: {{TITLE}}</title>
        <style>
        body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; background: #fafafa; }
        h1 { font-size: 1.3em; margin: 0 0 .3em; }
        #status { color: #555; margin-bottom: 1em; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1em; }
        .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6em .8em; }
        .card h2 { font-size: 1em; margin: 0 0 .4em; }
        canvas { width: 100%; height: 200px; display: block; }
        .legend span { margin-right: 1em; white-space: nowrap; }
        .legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -1px; }
        #controls { margin-bottom: 1em; display: flex; gap: .5em; flex-wrap: wrap; align-items: center; }
        #message { color: #555; }
        </style>
        </head>
        <body>
        <h1>sharesim live: {{TITLE}}</h1>
        <div id="status">waiting for the first report interval&hellip;</div>
        <div id="controls">
          <button id="pause">Pause</button><button id="resume">Resume</button>
          <label>Speed <input id="speed" size="6" value="10"></label><button id="setspeed">Set</button>
          <label>Outage target <input id="target" size="18" placeholder="zone:name"></label>
          <button id="down">Down</button><button id="up">Up</button>
          <span id="message"></span>
        </div>
        <div class="grid">
          <div class="card"><h2>Throughput per class (served/s)</h2><canvas id="throughput"></canvas>
            <div class="legend" id="throughput-legend"></div></div>
          <div class="card"><h2>Latency p50 / p99 <span id="latency-window">over a sliding window</span></h2>
            <canvas id="latency"></canvas>
            <div class="legend" id="latency-legend"></div></div>
          <div class="card"><h2>Utilisation by region (%)</h2><canvas id="utilisation"></canvas>
            <div class="legend" id="utilisation-legend"></div></div>
          <div class="card"><h2>Shared devices online (%)</h2><canvas id="online"></canvas>
            <div class="legend" id="online-legend"></div></div>
        </div>
        <script>
        "use strict";
        const colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
        const charts = {};
        const kinds = { throughput: "rate", latency: "duration", utilisation: "percent", online: "percent" };
        {{AXIS_SCRIPT}}
        function chart(id) {
          if (!charts[id]) charts[id] = { series: {}, order: [] };
          return charts[id];
        }
        function add(id, name, x, y) {
          const c = chart(id);
          if (!(name in c.series)) { c.series[name] = []; c.order.push(name); }
          const points = c.series[name];
          points.push([x, y]);
          if (points.length > 600) points.shift();
        }
        function draw(id) {
          const c = chart(id), canvas = document.getElementById(id);
          const ratio = window.devicePixelRatio || 1;
          const width = canvas.clientWidth, height = canvas.clientHeight;
          canvas.width = width * ratio; canvas.height = height * ratio;
          const g = canvas.getContext("2d");
          g.scale(ratio, ratio);
          g.clearRect(0, 0, width, height);
          let xmin = Infinity, xmax = -Infinity, ymax = 0;
          for (const name of c.order) for (const [x, y] of c.series[name]) {
            xmin = Math.min(xmin, x); xmax = Math.max(xmax, x); ymax = Math.max(ymax, y);
          }
          if (!isFinite(xmin)) return;
          if (xmax === xmin) xmax = xmin + 1;
          const axis = axisTicks(kinds[id], ymax), top = axis.top, steps = axis.labels.length - 1;
          const left = 56, bottom = 18, plotW = width - left - 8, plotH = height - bottom - 6;
          g.strokeStyle = "#ccc"; g.fillStyle = "#666"; g.font = "11px system-ui, sans-serif";
          for (let i = 0; i <= steps; i++) {
            const y = 6 + plotH - plotH * i / steps;
            g.beginPath(); g.moveTo(left, y); g.lineTo(left + plotW, y); g.stroke();
            g.fillText(axis.labels[i], 2, y + 4);
          }
          g.fillText("t=" + formatTime(xmin), left, height - 4);
          const last = "t=" + formatTime(xmax);
          g.fillText(last, left + plotW - g.measureText(last).width, height - 4);
          const legend = document.getElementById(id + "-legend");
          legend.innerHTML = "";
          c.order.forEach((name, index) => {
            const colour = colours[index % colours.length];
            g.strokeStyle = colour; g.lineWidth = 1.5; g.beginPath();
            c.series[name].forEach(([x, y], i) => {
              const px = left + plotW * (x - xmin) / (xmax - xmin), py = 6 + plotH - plotH * y / top;
              if (i === 0) g.moveTo(px, py); else g.lineTo(px, py);
            });
            g.stroke();
            const item = document.createElement("span");
            const swatch = document.createElement("i");
            swatch.style.background = colour;
            item.appendChild(swatch);
            item.appendChild(document.createTextNode(name));
            legend.appendChild(item);
          });
        }
        function redraw() { for (const id of ["throughput", "latency", "utilisation", "online"]) draw(id); }
        const events = new EventSource("/events");
        events.addEventListener("figures", (message) => {
          const f = JSON.parse(message.data);
          const x = f.simSeconds;
          for (const w of f.workloads) {
            add("throughput", w.name, x, w.figures.throughputPerSecond);
            // Seconds over the sliding window; absent while the window holds no answer.
            if (w.figures.latencyP50 !== undefined) add("latency", w.name + " p50", x, w.figures.latencyP50);
            if (w.figures.latencyP99 !== undefined) add("latency", w.name + " p99", x, w.figures.latencyP99);
          }
          document.getElementById("latency-window").textContent =
            "over the last " + formatTime(f.latencyWindowSeconds) + " (simulated)";
          for (const r of f.regions) add("utilisation", r.name, x, r.figures.utilisation * 100);
          for (const p of f.sharedPools) add("online", p.name, x, p.figures.onlineFraction * 100);
          document.getElementById("status").textContent =
            "t=" + formatTime(f.simSeconds) + " (" + (f.progress * 100).toFixed(1) + "%), " +
            f.events.toLocaleString() + " events, speed " + f.speed +
            (f.paused ? ", paused" : "") + (f.finished ? ", finished" : "");
          redraw();
        });
        events.onerror = () => { document.getElementById("message").textContent = "disconnected; retrying"; };
        const controlToken = {{CONTROL_TOKEN}};
        async function control(body) {
          try {
            const response = await fetch("/control", {
              method: "POST",
              headers: { "Content-Type": "application/json", "Authorization": "Bearer " + controlToken },
              body: JSON.stringify(body)
            });
            const reply = await response.json();
            document.getElementById("message").textContent = reply.message;
          } catch (error) {
            document.getElementById("message").textContent = String(error);
          }
        }
        document.getElementById("pause").onclick = () => control({ action: "pause" });
        document.getElementById("resume").onclick = () => control({ action: "resume" });
        document.getElementById("setspeed").onclick = () => {
          const text = document.getElementById("speed").value.trim();
          control({ action: "speed", value: text === "max" ? "max" : Number(text) });
        };
        document.getElementById("down").onclick = () =>
          control({ action: "outage", target: document.getElementById("target").value.trim(), down: true });
        document.getElementById("up").onclick = () =>
          control({ action: "outage", target: document.getElementById("target").value.trim(), down: false });
        window.addEventListener("resize", redraw);
        </script>
        </body>
        </html>
        """#
}
