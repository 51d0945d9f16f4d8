// Generated from Simulations/*.yaml by the BuiltinScenarios test
// (SHARESIM_UPDATE_BUILTINS=1 swift test --filter BuiltinScenarios). Do not edit.

extension BuiltinScenarios {
    /// Every built-in scenario's name and text, in name order.
    public static let files: [(name: String, text: String)] = [
        (
            "alibaba-double11",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: alibaba-double11
            description: >-
              What happens to Double 11 orders when a zone or a whole region fails at the 583K TPS peak,
              and what the edge tier is worth? Alibaba Cloud's 2025 footprint (29 regions, 87 zones, 3,200
              edge nodes grouped into 32 sites) takes orders from shoppers across China (and a few
              abroad) at full scale: 200,000 orders/s at 23:52, rising minute by minute to the 583,000/s
              peak, held for the 10 minutes around midnight (23:55 to 00:05), on zones of 400 to 2,000
              cores, while product pages and images come from the edge. Variants fail the busiest zone,
              or the Hangzhou region, at midnight, remove the edge tier, or run the quick 1/100 slice.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                What happens to Double 11 orders when a zone or a whole region fails at the 583K TPS peak,
                and what is the edge tier worth?
              headline:
                - workload/orders/failed
                - workload/orders/rejected
                - workload/orders/successRatio
                - workload/orders/latencyP99
                - workload/orders/lostDuringOutages
                - workload/orders/latencyP99DuringOutages
                - workload/page-assets/latencyP99
                - servedBy/page-assets/edge
              charts:
                - workload/orders/failed
                - workload/orders/latencyP99
                - servedBy/page-assets/edge

            sources:
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Double 11 peak traffic of 583K TPS (transactions per second), the world's largest single-day transaction volume"
                used_in: "populations[*].workloads (orders: rate 200,000/s in all, peaks x2.915 = 583,000/s from minute 3 to 13)"
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Alibaba Cloud covers 29 public-cloud regions and 87 availability zones"
                used_in: regions (29 regions, 87 zones in all)
              - seed: 002_17d0decc7939d5f4.txt
                figure: "3,200+ edge nodes"
                used_in: edge_sites (32 sites x 100 nodes)
              - seed: 002_17d0decc7939d5f4.txt
                figure: "in 2021 Alibaba Group ran 100% of its business on the cloud and withstood the world's largest traffic peak"
                used_in: regions (orders served only by cloud zones)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Feitian joins a million servers into one computer"
                used_in: "regions[*].zones (42,000 cores for orders and pages, a small part of such a fleet)"
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Cainiao handles 1 billion parcels a day and manages billions of inventory items"
                used_in: "variants.order-graph (inventory is a service of its own, called on every order)"

            assumptions:
              - figure: "orders ramp 200,000/s (warm-up, 23:52) -> x1.5 -> x2.2 -> x2.915 = 583,000/s for 10 minutes (minute 3 to 13, 23:55 to 00:05) -> x2.2 (the last minute)"
                reason: the seed gives the peak rate, not its shape; a peak held for the 10 minutes around midnight with a ramp of a minute per step either side is the planner's question (a 1-minute warm-up at the base rate)
              - figure: "each order takes exp(20 ms) on one core"
                reason: order creation, inventory and payment calls on one core-equivalent; the seed gives no service time
              - figure: "zone sizes: 100 servers of 4 cores (400 cores) per zone, 200 to 500 servers where a region has few zones (Qingdao, Guangzhou, Chengdu, Nanjing, Fuzhou, Wuhan); 42,000 cores in all"
                reason: capacity is not in the seed. 583,000 orders/s x 20 ms is 11,660 busy cores at the peak; each region's cores are the 1/100 slice's times 100, sized for its nearest shoppers with the headroom a Double 11 plan keeps for a failed zone or region (measured over the run with seed 11, the first zones of the regions taking orders at 79 to 91%, those regions at 18 to 54%). Erlang C at 90% on 400 cores gives a mean wait of 0.012 ms (35 ms on the 4-core zones of a 1/100 slice)
              - figure: "zone queue 500,000 requests, timeout 3 s, 3 attempts with 100 ms backoff"
                reason: common settings for an order path; the queue holds 25 s of a zone's work, so the timeout, not the queue, bounds a backlog
              - figure: "which 29 regions and how many zones each (Hangzhou 10, Beijing 10, Shanghai 9, ...)"
                reason: the seed gives only the totals (29, 87); our pick follows Alibaba Cloud's published regions
              - figure: "orders by province: Zhejiang 14%, Guangdong 15%, Shanghai 11%, Jiangsu 10%, ... 4% abroad"
                reason: rough shares of online retail by province
              - figure: "product pages and images: 20,000 (a 1-in-10 sample of page requests; 58,300/s at the peak) requests/s with the same ramp, 100,000 objects, Zipf 0.9, lognormal(150 kB, 1.0)"
                reason: page assets that the edge serves. A download is a flow whose rate the flow network shares, about 5 times the work of an order per request; at one per order (200,000/s) the run took 4 times as long, so they are sampled 1 in 10 and their latency, not their volume, is the figure to read
              - figure: "a page asset costs exp(10 ms) of a zone core when a region serves it (rendering, image resizing); an edge hit costs none"
                reason: dynamic pages are assembled in the region; this is what the edge tier saves the zones
              - figure: "edge site: 100 nodes, 8 GB cache and 1 Tbps uplink (100 nodes x 10 Gbps)"
                reason: 3,200 nodes in 32 sites; the cache holds the catalogue's popular part, which does not grow with traffic
              - figure: "region egress 2 Tbps"
                reason: ample, so that 'no edge' shows latency, not collapse
              - figure: "mainland shoppers are served only in mainland regions (allowed_regions)"
                reason: personal data of mainland users stays in the mainland (PIPL); without it Shenyang's nearest region would be Seoul
              - figure: "lowest-latency routing"
                reason: shoppers go to the nearest region and spill to the next when its zones are full, like a unitised (cell) architecture
              - figure: "region-outage-detected variant: health checks every 2 s, 5 s response timeout, 3 failures to mark a zone down, 3 successes to mark it up"
                reason: "assumption: Alibaba Cloud's recommended SLB health check for TCP/HTTP/HTTPS listeners (https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/faq-about-health-checks), because the orders' front door is an SLB listener; detection then takes 9 to 11 s, (3 - 1/2) x 2 s + 5 s = 10 s on average"
              - figure: "region-outage-autoscaled variant: health checks every 30 s with a 30 s timeout, down after 1 failure"
                reason: "assumption: chosen so that detection takes 30 to 60 s (uniform on [T, I + T] for k = 1), the delay the question asks about"
              - figure: "region-outage-autoscaled variant: target 70% utilisation, 10 servers a step, max twice the zone, 60 s period and cooldown, 90 s start-up"
                reason: "assumption: a target-tracking policy on the regions nearest Hangzhou (Alibaba Cloud Auto Scaling evaluates CloudMonitor metrics each minute; 90 s is a typical ECS instance boot plus service warm-up); the seeds give no scaling figures"
              - figure: "order-graph variant: gateway exp(2 ms), cart exp(5 ms), inventory exp(5 ms) and coupon exp(3 ms) in parallel (join all), payment exp(5 ms)"
                reason: "assumption: the base's 20 ms of core time per order (itself an assumption) split between the services an order calls, so the variant changes the path, not the work; inventory and coupon are independent checks of the cart, so they run in parallel and payment waits for both"
              - figure: "order-graph variant: gateway, cart, inventory and coupon offered in every region's zones (the nearest allowed zone, the least loaded of a region's); payment only in cn-hangzhou and cn-shanghai"
                reason: "assumption: the storefront services run in every cell, near the shopper; payment is a ledger kept in few places (Alipay's home regions, an assumption), so most orders cross to another region for it; mainland shoppers' stages stay in the mainland (allowed_regions)"
              - figure: "order-graph variant: messages of 2 kB (cart) and 1 kB (checks, payment request) between stages"
                reason: "assumption: a cart or an order is a few kB of JSON; the sizes matter only for the 2 Tbps egress they cross between regions, where they are negligible, and are there to show the field"
              - figure: "slice-1-100 variant: orders, zone servers, queues, egress and edge uplinks at 1/100; page assets at one per order (2,000/s)"
                reason: the same timeline in seconds of wall time rather than minutes; queueing on 4-core zones is far worse than at full scale (Erlang C at 90% gives 35 ms against 0.012 ms), so use it to try things, not for figures
              - figure: "currency CNY; 1 USD = 7.2 CNY for the regions outside the mainland, priced in USD"
                reason: assumption - Alibaba Cloud lists mainland prices in CNY and international prices in USD; 7.2 is the order of the 2024-2025 rate
              - figure: "mainland regions: 0.2 CNY per core-hour, paid for every provisioned core whether busy or not; internet egress 0.8 CNY/GB"
                reason: assumption - order of magnitude of Alibaba Cloud list prices (a general-purpose instance costs about 0.35 CNY per vCPU-hour on demand, about 40% less on a subscription; pay-by-traffic egress is 0.8 CNY/GB); the zones are capacity bought ahead, so it is paid used or not
              - figure: "Hong Kong and overseas regions: 0.03 USD per core-hour provisioned, egress 0.08 USD/GB"
                reason: assumption - order of magnitude of Alibaba Cloud international list prices (subscription instances, internet egress in Asia-Pacific, Europe and the Middle East); one price everywhere, so the comparison is about places
              - figure: "edge sites: 0.2 CNY/GB delivered on the mainland, 0.04 USD/GB elsewhere"
                reason: assumption - order of magnitude of Alibaba Cloud CDN per-GB list prices at volume; cheaper than the regions' egress, as CDNs are

            duration: 13 min
            warmup: 1 min
            interval: 10 s
            seed: 11
            currency: CNY
            exchange_rates: {USD: 7.2}

            workloads:
              - name: orders
                kind: transaction
                service: exp(20 ms)
                slo: 200 ms
              - name: page-assets
                kind: download
                catalogue: 100k
                zipf: 0.9
                object_size: lognormal(150 kB, 1.0)
                service: exp(10 ms)
                slo: 300 ms

            regions:
              - name: cn-hangzhou   # Hangzhou
                location: [30.27, 120.15]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 10, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-shanghai   # Shanghai
                location: [31.23, 121.47]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 9, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-qingdao   # Qingdao
                location: [36.07, 120.38]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 200, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-beijing   # Beijing
                location: [39.9, 116.4]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 10, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-zhangjiakou   # Zhangjiakou
                location: [40.77, 114.88]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-huhehaote   # Hohhot
                location: [40.84, 111.75]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-wulanchabu   # Ulanqab
                location: [41.03, 113.13]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-shenzhen   # Shenzhen
                location: [22.54, 114.06]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 6, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-heyuan   # Heyuan
                location: [23.74, 114.7]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-guangzhou   # Guangzhou
                location: [23.13, 113.26]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 400, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-chengdu   # Chengdu
                location: [30.57, 104.07]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 200, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-hongkong   # Hong Kong
                location: [22.32, 114.17]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-nanjing   # Nanjing
                location: [32.06, 118.8]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 500, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-fuzhou   # Fuzhou
                location: [26.07, 119.3]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 200, cores: 4, queue: 500000, timeout: 3 s}
              - name: cn-wuhan   # Wuhan
                location: [30.59, 114.31]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 400, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-1   # Singapore
                location: [1.35, 103.82]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 4, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-2   # Sydney
                location: [-33.87, 151.21]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-3   # Kuala Lumpur
                location: [3.14, 101.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-5   # Jakarta
                location: [-6.21, 106.85]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-6   # Manila
                location: [14.6, 120.98]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-southeast-7   # Bangkok
                location: [13.76, 100.5]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-northeast-1   # Tokyo
                location: [35.68, 139.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: ap-northeast-2   # Seoul
                location: [37.57, 126.98]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: us-west-1   # Silicon Valley
                location: [37.39, -122.08]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: us-east-1   # Virginia (US East)
                location: [38.95, -77.45]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: eu-central-1   # Frankfurt
                location: [50.11, 8.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 3, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: eu-west-1   # London
                location: [51.51, -0.13]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: me-east-1   # Dubai
                location: [25.2, 55.27]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 1, servers: 100, cores: 4, queue: 500000, timeout: 3 s}
              - name: me-central-1   # Riyadh
                location: [24.71, 46.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 2 Tbps
                zones: {count: 2, servers: 100, cores: 4, queue: 500000, timeout: 3 s}

            edge_sites:
              - {name: edge-shanghai, location: [31.23, 121.47], region: cn-shanghai, origin: cn-shanghai, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hangzhou, location: [30.27, 120.15], region: cn-hangzhou, origin: cn-hangzhou, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-nanjing, location: [32.06, 118.8], region: cn-nanjing, origin: cn-nanjing, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-suzhou, location: [31.3, 120.58], region: cn-shanghai, origin: cn-shanghai, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hefei, location: [31.82, 117.23], region: cn-nanjing, origin: cn-nanjing, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-beijing, location: [39.9, 116.4], region: cn-beijing, origin: cn-beijing, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-tianjin, location: [39.13, 117.2], region: cn-beijing, origin: cn-beijing, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shijiazhuang, location: [38.04, 114.51], region: cn-beijing, origin: cn-beijing, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-jinan, location: [36.65, 117.12], region: cn-qingdao, origin: cn-qingdao, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-zhengzhou, location: [34.75, 113.63], region: cn-wuhan, origin: cn-wuhan, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shenyang, location: [41.8, 123.43], region: ap-northeast-2, origin: ap-northeast-2, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-harbin, location: [45.8, 126.53], region: ap-northeast-2, origin: ap-northeast-2, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-guangzhou, location: [23.13, 113.26], region: cn-guangzhou, origin: cn-guangzhou, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shenzhen, location: [22.54, 114.06], region: cn-shenzhen, origin: cn-shenzhen, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-fuzhou, location: [26.07, 119.3], region: cn-fuzhou, origin: cn-fuzhou, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-xiamen, location: [24.48, 118.09], region: cn-fuzhou, origin: cn-fuzhou, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-nanning, location: [22.82, 108.32], region: cn-guangzhou, origin: cn-guangzhou, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-wuhan, location: [30.59, 114.31], region: cn-wuhan, origin: cn-wuhan, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-changsha, location: [28.23, 112.94], region: cn-wuhan, origin: cn-wuhan, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-chengdu, location: [30.57, 104.07], region: cn-chengdu, origin: cn-chengdu, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-chongqing, location: [29.56, 106.55], region: cn-chengdu, origin: cn-chengdu, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-xian, location: [34.34, 108.94], region: cn-chengdu, origin: cn-chengdu, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-kunming, location: [25.04, 102.71], region: cn-chengdu, origin: cn-chengdu, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-urumqi, location: [43.83, 87.62], region: cn-huhehaote, origin: cn-huhehaote, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hongkong, location: [22.32, 114.17], region: cn-hongkong, origin: cn-hongkong, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-singapore, location: [1.35, 103.82], region: ap-southeast-1, origin: ap-southeast-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-tokyo, location: [35.68, 139.69], region: ap-northeast-1, origin: ap-northeast-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-jakarta, location: [-6.21, 106.85], region: ap-southeast-5, origin: ap-southeast-5, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-frankfurt, location: [50.11, 8.68], region: eu-central-1, origin: eu-central-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-london, location: [51.51, -0.13], region: eu-west-1, origin: eu-west-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-virginia, location: [38.95, -77.45], region: us-east-1, origin: us-east-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-dubai, location: [25.2, 55.27], region: me-east-1, origin: me-east-1, cache: 8 GB, uplink: 1 Tbps, nodes: 100, price: {egress: 0.04 USD/GB}}

            populations:
              - name: zhejiang
                location: [30.27, 120.15]
                clients: mobile
                allowed_regions: &mainland [cn-hangzhou, cn-shanghai, cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-nanjing, cn-fuzhou, cn-wuhan]
                workloads:
                  - {workload: orders, rate: 28000/s, peaks: &ramp [{at: 1 min, for: 1 min, times: 1.5}, {at: 2 min, for: 1 min, times: 2.2}, {at: 3 min, for: 10 min, times: 2.915}, {at: 13 min, for: 1 min, times: 2.2}]}
                  - {workload: page-assets, rate: 2800/s, peaks: *ramp}
              - name: shanghai
                location: [31.23, 121.47]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 22000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 2200/s, peaks: *ramp}
              - name: jiangsu
                location: [32.06, 118.8]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 20000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 2000/s, peaks: *ramp}
              - name: guangdong
                location: [23.13, 113.26]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 30000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 3000/s, peaks: *ramp}
              - name: shenzhen
                location: [22.54, 114.06]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 8000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 800/s, peaks: *ramp}
              - name: beijing
                location: [39.9, 116.4]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 16000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 1600/s, peaks: *ramp}
              - name: shandong
                location: [36.65, 117.12]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 12000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 1200/s, peaks: *ramp}
              - name: fujian
                location: [26.07, 119.3]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 8000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 800/s, peaks: *ramp}
              - name: sichuan
                location: [30.57, 104.07]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 10000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 1000/s, peaks: *ramp}
              - name: hubei
                location: [30.59, 114.31]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 8000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 800/s, peaks: *ramp}
              - name: henan
                location: [34.75, 113.63]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 8000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 800/s, peaks: *ramp}
              - name: hebei
                location: [38.04, 114.51]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 6000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 600/s, peaks: *ramp}
              - name: northeast
                location: [41.8, 123.43]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 8000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 800/s, peaks: *ramp}
              - name: shaanxi
                location: [34.34, 108.94]
                clients: mobile
                allowed_regions: *mainland
                workloads:
                  - {workload: orders, rate: 4000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 400/s, peaks: *ramp}
              - name: hong-kong
                location: [22.32, 114.17]
                clients: mobile
                workloads:
                  - {workload: orders, rate: 4000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 400/s, peaks: *ramp}
              - name: southeast-asia
                location: [1.35, 103.82]
                clients: mobile
                workloads:
                  - {workload: orders, rate: 4000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 400/s, peaks: *ramp}
              - name: overseas-chinese-us
                location: [37.39, -122.08]
                clients: mobile
                workloads:
                  - {workload: orders, rate: 2000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 200/s, peaks: *ramp}
              - name: overseas-chinese-eu
                location: [50.11, 8.68]
                clients: mobile
                workloads:
                  - {workload: orders, rate: 2000/s, peaks: *ramp}
                  - {workload: page-assets, rate: 200/s, peaks: *ramp}

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 100 ms, multiplier: 2, cap: 2 s, jitter: true}

            variants:
              - name: zone-outage-at-peak
                description: cn-hangzhou-a, the zone Hangzhou's shoppers fill first, fails at midnight (minute 8 to 9, mid-peak); its work is retried elsewhere.
                set:
                  failures:
                    - {zone: cn-hangzhou-a, at: 8 min, for: 1 min}
              - name: region-outage-at-peak
                description: The whole Hangzhou region fails at midnight (minute 8 to 9, mid-peak), its egress too; Zhejiang's orders spill to Shanghai, Nanjing and beyond.
                set:
                  failures:
                    - {region: cn-hangzhou, at: 8 min, for: 1 min}
                    - {link: cn-hangzhou.egress, at: 8 min, for: 1 min}
              - name: region-outage-detected
                description: As region-outage-at-peak, but the router learns of the failure from SLB health checks (every 2 s, 5 s timeout, down after 3 failures, up after 3 successes) instead of at once; orders sent to Hangzhou before it is marked down wait out the 5 s timeout and are retried.
                set:
                  health_check: {interval: 2 s, timeout: 5 s, unhealthy_after: 3, healthy_after: 3}
                  failures:
                    - {region: cn-hangzhou, at: 8 min, for: 1 min}
                    - {link: cn-hangzhou.egress, at: 8 min, for: 1 min}
              - name: region-outage-autoscaled
                description: >-
                  Hangzhou fails at the 583K TPS peak (minute 8 to 9) and its health checks take 30 to 60 s
                  to notice (probe every 30 s, 30 s timeout, down after 1 failure); Shanghai, Nanjing,
                  Qingdao, Beijing and Shenzhen scale out on 70% utilisation (10 servers a step, up to
                  twice their size, evaluated every 60 s, 60 s cooldown, 90 s start-up). How many orders
                  are lost, and can the other regions scale out in time?
                set:
                  health_check: {interval: 30 s, timeout: 30 s, unhealthy_after: 1, healthy_after: 3}
                  failures:
                    - {region: cn-hangzhou, at: 8 min, for: 1 min}
                    - {link: cn-hangzhou.egress, at: 8 min, for: 1 min}
                  regions.cn-shanghai.autoscaling: &scale100 {target_utilisation: 70%, min: 100, max: 200, step_out: 10, step_in: 10, cooldown: 60 s, startup: 90 s, period: 60 s}
                  regions.cn-beijing.autoscaling: *scale100
                  regions.cn-shenzhen.autoscaling: *scale100
                  regions.cn-qingdao.autoscaling: {target_utilisation: 70%, min: 200, max: 400, step_out: 10, step_in: 10, cooldown: 60 s, startup: 90 s, period: 60 s}
                  regions.cn-nanjing.autoscaling: {target_utilisation: 70%, min: 500, max: 1000, step_out: 10, step_in: 10, cooldown: 60 s, startup: 90 s, period: 60 s}
              - name: order-graph
                description: >-
                  Each order is a request graph instead of one 20 ms visit: a gateway, then the cart, then
                  inventory and coupon checks in parallel (both must answer), then payment, which runs only
                  in Hangzhou or Shanghai (whichever is nearer the checks); the same 20 ms of core time
                  per order, split between the stages. Where does an order spend its time at the peak, and
                  what does the trip to a payment region add?
                set:
                  workloads:
                    - name: orders
                      kind: transaction
                      slo: 200 ms
                      stages:
                        - {name: gateway, service: gateway, time: exp(2 ms)}
                        - {name: cart, service: cart, time: exp(5 ms), message: 2 kB}
                        - {name: inventory, service: inventory, time: exp(5 ms), after: [cart], message: 1 kB}
                        - {name: coupon, service: coupon, time: exp(3 ms), after: [cart], message: 1 kB}
                        - {name: payment, service: payment, time: exp(5 ms), after: [inventory, coupon], join: all, message: 1 kB}
                    - name: page-assets
                      kind: download
                      catalogue: 100k
                      zipf: 0.9
                      object_size: lognormal(150 kB, 1.0)
                      service: exp(10 ms)
                      slo: 300 ms
                  regions.cn-hangzhou.services: &front-and-payment [gateway, cart, inventory, coupon, payment]
                  regions.cn-shanghai.services: *front-and-payment
                  regions.cn-qingdao.services: &front [gateway, cart, inventory, coupon]
                  regions.cn-beijing.services: *front
                  regions.cn-zhangjiakou.services: *front
                  regions.cn-huhehaote.services: *front
                  regions.cn-wulanchabu.services: *front
                  regions.cn-shenzhen.services: *front
                  regions.cn-heyuan.services: *front
                  regions.cn-guangzhou.services: *front
                  regions.cn-chengdu.services: *front
                  regions.cn-hongkong.services: *front
                  regions.cn-nanjing.services: *front
                  regions.cn-fuzhou.services: *front
                  regions.cn-wuhan.services: *front
                  regions.ap-southeast-1.services: *front
                  regions.ap-southeast-2.services: *front
                  regions.ap-southeast-3.services: *front
                  regions.ap-southeast-5.services: *front
                  regions.ap-southeast-6.services: *front
                  regions.ap-southeast-7.services: *front
                  regions.ap-northeast-1.services: *front
                  regions.ap-northeast-2.services: *front
                  regions.us-west-1.services: *front
                  regions.us-east-1.services: *front
                  regions.eu-central-1.services: *front
                  regions.eu-west-1.services: *front
                  regions.me-east-1.services: *front
                  regions.me-central-1.services: *front
              - name: no-edge
                description: No edge tier - page assets come straight from the regions' zones.
                set:
                  edge_sites: []
              - name: slice-1-100
                description: The quick 1/100 slice, as this scenario was before it ran at full scale - orders, zone servers, queues, egress and edge uplinks at 1/100 (5,830 orders/s at the peak on 4-core zones), page assets at one per order; same timeline; runs in seconds.
                set:
                  regions.cn-hangzhou.zones.servers: 1
                  regions.cn-hangzhou.zones.queue: 5000
                  regions.cn-hangzhou.egress: 20 Gbps
                  regions.cn-shanghai.zones.servers: 1
                  regions.cn-shanghai.zones.queue: 5000
                  regions.cn-shanghai.egress: 20 Gbps
                  regions.cn-qingdao.zones.servers: 2
                  regions.cn-qingdao.zones.queue: 5000
                  regions.cn-qingdao.egress: 20 Gbps
                  regions.cn-beijing.zones.servers: 1
                  regions.cn-beijing.zones.queue: 5000
                  regions.cn-beijing.egress: 20 Gbps
                  regions.cn-zhangjiakou.zones.servers: 1
                  regions.cn-zhangjiakou.zones.queue: 5000
                  regions.cn-zhangjiakou.egress: 20 Gbps
                  regions.cn-huhehaote.zones.servers: 1
                  regions.cn-huhehaote.zones.queue: 5000
                  regions.cn-huhehaote.egress: 20 Gbps
                  regions.cn-wulanchabu.zones.servers: 1
                  regions.cn-wulanchabu.zones.queue: 5000
                  regions.cn-wulanchabu.egress: 20 Gbps
                  regions.cn-shenzhen.zones.servers: 1
                  regions.cn-shenzhen.zones.queue: 5000
                  regions.cn-shenzhen.egress: 20 Gbps
                  regions.cn-heyuan.zones.servers: 1
                  regions.cn-heyuan.zones.queue: 5000
                  regions.cn-heyuan.egress: 20 Gbps
                  regions.cn-guangzhou.zones.servers: 4
                  regions.cn-guangzhou.zones.queue: 5000
                  regions.cn-guangzhou.egress: 20 Gbps
                  regions.cn-chengdu.zones.servers: 2
                  regions.cn-chengdu.zones.queue: 5000
                  regions.cn-chengdu.egress: 20 Gbps
                  regions.cn-hongkong.zones.servers: 1
                  regions.cn-hongkong.zones.queue: 5000
                  regions.cn-hongkong.egress: 20 Gbps
                  regions.cn-nanjing.zones.servers: 5
                  regions.cn-nanjing.zones.queue: 5000
                  regions.cn-nanjing.egress: 20 Gbps
                  regions.cn-fuzhou.zones.servers: 2
                  regions.cn-fuzhou.zones.queue: 5000
                  regions.cn-fuzhou.egress: 20 Gbps
                  regions.cn-wuhan.zones.servers: 4
                  regions.cn-wuhan.zones.queue: 5000
                  regions.cn-wuhan.egress: 20 Gbps
                  regions.ap-southeast-1.zones.servers: 1
                  regions.ap-southeast-1.zones.queue: 5000
                  regions.ap-southeast-1.egress: 20 Gbps
                  regions.ap-southeast-2.zones.servers: 1
                  regions.ap-southeast-2.zones.queue: 5000
                  regions.ap-southeast-2.egress: 20 Gbps
                  regions.ap-southeast-3.zones.servers: 1
                  regions.ap-southeast-3.zones.queue: 5000
                  regions.ap-southeast-3.egress: 20 Gbps
                  regions.ap-southeast-5.zones.servers: 1
                  regions.ap-southeast-5.zones.queue: 5000
                  regions.ap-southeast-5.egress: 20 Gbps
                  regions.ap-southeast-6.zones.servers: 1
                  regions.ap-southeast-6.zones.queue: 5000
                  regions.ap-southeast-6.egress: 20 Gbps
                  regions.ap-southeast-7.zones.servers: 1
                  regions.ap-southeast-7.zones.queue: 5000
                  regions.ap-southeast-7.egress: 20 Gbps
                  regions.ap-northeast-1.zones.servers: 1
                  regions.ap-northeast-1.zones.queue: 5000
                  regions.ap-northeast-1.egress: 20 Gbps
                  regions.ap-northeast-2.zones.servers: 1
                  regions.ap-northeast-2.zones.queue: 5000
                  regions.ap-northeast-2.egress: 20 Gbps
                  regions.us-west-1.zones.servers: 1
                  regions.us-west-1.zones.queue: 5000
                  regions.us-west-1.egress: 20 Gbps
                  regions.us-east-1.zones.servers: 1
                  regions.us-east-1.zones.queue: 5000
                  regions.us-east-1.egress: 20 Gbps
                  regions.eu-central-1.zones.servers: 1
                  regions.eu-central-1.zones.queue: 5000
                  regions.eu-central-1.egress: 20 Gbps
                  regions.eu-west-1.zones.servers: 1
                  regions.eu-west-1.zones.queue: 5000
                  regions.eu-west-1.egress: 20 Gbps
                  regions.me-east-1.zones.servers: 1
                  regions.me-east-1.zones.queue: 5000
                  regions.me-east-1.egress: 20 Gbps
                  regions.me-central-1.zones.servers: 1
                  regions.me-central-1.zones.queue: 5000
                  regions.me-central-1.egress: 20 Gbps
                  edge_sites.edge-shanghai.uplink: 10 Gbps
                  edge_sites.edge-hangzhou.uplink: 10 Gbps
                  edge_sites.edge-nanjing.uplink: 10 Gbps
                  edge_sites.edge-suzhou.uplink: 10 Gbps
                  edge_sites.edge-hefei.uplink: 10 Gbps
                  edge_sites.edge-beijing.uplink: 10 Gbps
                  edge_sites.edge-tianjin.uplink: 10 Gbps
                  edge_sites.edge-shijiazhuang.uplink: 10 Gbps
                  edge_sites.edge-jinan.uplink: 10 Gbps
                  edge_sites.edge-zhengzhou.uplink: 10 Gbps
                  edge_sites.edge-shenyang.uplink: 10 Gbps
                  edge_sites.edge-harbin.uplink: 10 Gbps
                  edge_sites.edge-guangzhou.uplink: 10 Gbps
                  edge_sites.edge-shenzhen.uplink: 10 Gbps
                  edge_sites.edge-fuzhou.uplink: 10 Gbps
                  edge_sites.edge-xiamen.uplink: 10 Gbps
                  edge_sites.edge-nanning.uplink: 10 Gbps
                  edge_sites.edge-wuhan.uplink: 10 Gbps
                  edge_sites.edge-changsha.uplink: 10 Gbps
                  edge_sites.edge-chengdu.uplink: 10 Gbps
                  edge_sites.edge-chongqing.uplink: 10 Gbps
                  edge_sites.edge-xian.uplink: 10 Gbps
                  edge_sites.edge-kunming.uplink: 10 Gbps
                  edge_sites.edge-urumqi.uplink: 10 Gbps
                  edge_sites.edge-hongkong.uplink: 10 Gbps
                  edge_sites.edge-singapore.uplink: 10 Gbps
                  edge_sites.edge-tokyo.uplink: 10 Gbps
                  edge_sites.edge-jakarta.uplink: 10 Gbps
                  edge_sites.edge-frankfurt.uplink: 10 Gbps
                  edge_sites.edge-london.uplink: 10 Gbps
                  edge_sites.edge-virginia.uplink: 10 Gbps
                  edge_sites.edge-dubai.uplink: 10 Gbps
                  populations.zhejiang.workloads.0.rate: 280/s
                  populations.zhejiang.workloads.1.rate: 280/s
                  populations.shanghai.workloads.0.rate: 220/s
                  populations.shanghai.workloads.1.rate: 220/s
                  populations.jiangsu.workloads.0.rate: 200/s
                  populations.jiangsu.workloads.1.rate: 200/s
                  populations.guangdong.workloads.0.rate: 300/s
                  populations.guangdong.workloads.1.rate: 300/s
                  populations.shenzhen.workloads.0.rate: 80/s
                  populations.shenzhen.workloads.1.rate: 80/s
                  populations.beijing.workloads.0.rate: 160/s
                  populations.beijing.workloads.1.rate: 160/s
                  populations.shandong.workloads.0.rate: 120/s
                  populations.shandong.workloads.1.rate: 120/s
                  populations.fujian.workloads.0.rate: 80/s
                  populations.fujian.workloads.1.rate: 80/s
                  populations.sichuan.workloads.0.rate: 100/s
                  populations.sichuan.workloads.1.rate: 100/s
                  populations.hubei.workloads.0.rate: 80/s
                  populations.hubei.workloads.1.rate: 80/s
                  populations.henan.workloads.0.rate: 80/s
                  populations.henan.workloads.1.rate: 80/s
                  populations.hebei.workloads.0.rate: 60/s
                  populations.hebei.workloads.1.rate: 60/s
                  populations.northeast.workloads.0.rate: 80/s
                  populations.northeast.workloads.1.rate: 80/s
                  populations.shaanxi.workloads.0.rate: 40/s
                  populations.shaanxi.workloads.1.rate: 40/s
                  populations.hong-kong.workloads.0.rate: 40/s
                  populations.hong-kong.workloads.1.rate: 40/s
                  populations.southeast-asia.workloads.0.rate: 40/s
                  populations.southeast-asia.workloads.1.rate: 40/s
                  populations.overseas-chinese-us.workloads.0.rate: 20/s
                  populations.overseas-chinese-us.workloads.1.rate: 20/s
                  populations.overseas-chinese-eu.workloads.0.rate: 20/s
                  populations.overseas-chinese-eu.workloads.1.rate: 20/s
            """#
        ),
        (
            "alibaba-footprint-2017",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: alibaba-footprint-2017
            description: >-
              Where were Alibaba Cloud's users far from a region in 2017, and how much latency did that
              cost? The 2017 footprint (14 regions, 31 zones: mainland China, Hong Kong and seven overseas
              sites in Japan, Dubai, Silicon Valley, US East, Europe, Australia and Singapore) serves API
              calls and media for users in 29 countries and areas; one API class per continent shows the
              latency each sees. Compare with alibaba-footprint-2025 (29 regions, 87 zones, 3,200 edge
              nodes), which extends this file.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                Where were Alibaba Cloud's users far from a region in 2017, and how much latency did that
                cost?
              headline:
                - workload/api-china/latencyP50
                - workload/api-asia-pacific/latencyP50
                - workload/api-europe/latencyP50
                - workload/api-americas/latencyP50
                - workload/api-middle-east-africa/latencyP50
                - workload/media/latencyP99

            sources:
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Alibaba Cloud (2017): 31 availability zones in 14 regions worldwide"
                used_in: regions (14 regions, 31 zones)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "200+ Feitian data centers in Japan, Dubai, Silicon Valley, US East, Europe, Australia and Singapore"
                used_in: regions (ap-northeast-1, me-east-1, us-west-1, us-east-1, eu-central-1, ap-southeast-2, ap-southeast-1)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "service covering 200+ countries and regions"
                used_in: populations (users in 29 countries and areas)

            assumptions:
              - figure: "users in 29 countries and areas, 1,000 API calls/s in all (China 450/s) and half as many media downloads"
                reason: a stand-in for a global app's users; the seed says Alibaba Cloud serves customers in 200+ countries but gives no traffic mix
              - figure: "an API call takes exp(10 ms) on one core, objective 150 ms; media: 50,000 objects, Zipf 0.8, lognormal(500 kB, 1.0), exp(10 ms) of a zone core (authorisation, storage read, resizing), none on an edge hit"
                reason: a typical web API and image/asset mix
              - figure: "each region's zones sized for about 50% utilisation (API and media) from the users nearest to it (4 cores per server, at least 1 server per zone), egress 10 Gbps"
                reason: capacity is not in the seeds; sized the same way in both years so the comparison is about places, not capacity
              - figure: "lowest-latency routing, 2 attempts"
                reason: users go to the region that answers fastest; the report's per-continent API classes then show what distance costs
              - figure: "the 14 regions of 2017: Hangzhou, Shanghai, Qingdao, Beijing, Zhangjiakou, Shenzhen, Hong Kong + the seven overseas sites; zones per region (Hangzhou 4, Beijing 4, ...)"
                reason: the seed gives the totals and the overseas places; the mainland list and the split of the 31 zones follow Alibaba Cloud's 2017 regions
              - figure: "no edge tier in the 2017 file"
                reason: the seed gives no 2017 edge figure; media then comes from the regions (the 2025 file adds 3,200 edge nodes)
              - figure: "currency CNY; 1 USD = 7.2 CNY for the regions outside the mainland, priced in USD"
                reason: assumption - Alibaba Cloud lists mainland prices in CNY and international prices in USD; 7.2 is the order of the 2024-2025 rate
              - figure: "mainland regions: 0.2 CNY per core-hour, paid for every provisioned core whether busy or not; internet egress 0.8 CNY/GB"
                reason: assumption - order of magnitude of Alibaba Cloud list prices (a general-purpose instance costs about 0.35 CNY per vCPU-hour on demand, about 40% less on a subscription; pay-by-traffic egress is 0.8 CNY/GB); the zones are capacity bought ahead, so it is paid used or not
              - figure: "Hong Kong and overseas regions: 0.03 USD per core-hour provisioned, egress 0.08 USD/GB"
                reason: assumption - order of magnitude of Alibaba Cloud international list prices (subscription instances, internet egress in Asia-Pacific, Europe and the Middle East); one price everywhere, so the comparison is about places

            duration: 10 min
            warmup: 1 min
            interval: 30 s
            seed: 17
            currency: CNY
            exchange_rates: {USD: 7.2}

            workloads:
              - {name: api-china, kind: transaction, service: exp(10 ms), slo: 150 ms}
              - {name: api-asia-pacific, kind: transaction, service: exp(10 ms), slo: 150 ms}
              - {name: api-europe, kind: transaction, service: exp(10 ms), slo: 150 ms}
              - {name: api-americas, kind: transaction, service: exp(10 ms), slo: 150 ms}
              - {name: api-middle-east-africa, kind: transaction, service: exp(10 ms), slo: 150 ms}
              - {name: media, kind: download, catalogue: 50k, zipf: 0.8, object_size: "lognormal(500 kB, 1.0)", service: exp(10 ms), slo: 500 ms}

            regions:
              - name: cn-hangzhou   # Hangzhou
                location: [30.27, 120.15]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 4, servers: 1, cores: 4}
              - name: cn-shanghai   # Shanghai
                location: [31.23, 121.47]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: cn-qingdao   # Qingdao
                location: [36.07, 120.38]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-beijing   # Beijing
                location: [39.9, 116.4]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 4, servers: 1, cores: 4}
              - name: cn-zhangjiakou   # Zhangjiakou
                location: [40.77, 114.88]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-shenzhen   # Shenzhen
                location: [22.54, 114.06]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: cn-hongkong   # Hong Kong
                location: [22.32, 114.17]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: ap-southeast-1   # Singapore
                location: [1.35, 103.82]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: ap-southeast-2   # Sydney
                location: [-33.87, 151.21]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: ap-northeast-1   # Tokyo
                location: [35.68, 139.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: us-west-1   # Silicon Valley
                location: [37.39, -122.08]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: us-east-1   # Virginia (US East)
                location: [38.95, -77.45]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: eu-central-1   # Frankfurt
                location: [50.11, 8.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 2, cores: 4}
              - name: me-east-1   # Dubai
                location: [25.2, 55.27]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}

            populations:
              - name: china-east
                location: [31.23, 121.47]
                workloads:
                  - {workload: api-china, rate: 150/s}
                  - {workload: media, rate: 75/s}
              - name: china-north
                location: [39.9, 116.4]
                workloads:
                  - {workload: api-china, rate: 120/s}
                  - {workload: media, rate: 60/s}
              - name: china-south
                location: [23.13, 113.26]
                workloads:
                  - {workload: api-china, rate: 120/s}
                  - {workload: media, rate: 60/s}
              - name: china-west
                location: [30.57, 104.07]
                workloads:
                  - {workload: api-china, rate: 60/s}
                  - {workload: media, rate: 30/s}
              - name: hong-kong
                location: [22.32, 114.17]
                workloads:
                  - {workload: api-asia-pacific, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: japan
                location: [35.68, 139.69]
                workloads:
                  - {workload: api-asia-pacific, rate: 40/s}
                  - {workload: media, rate: 20/s}
              - name: korea
                location: [37.57, 126.98]
                workloads:
                  - {workload: api-asia-pacific, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: singapore
                location: [1.35, 103.82]
                workloads:
                  - {workload: api-asia-pacific, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: malaysia
                location: [3.14, 101.69]
                workloads:
                  - {workload: api-asia-pacific, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: indonesia
                location: [-6.21, 106.85]
                workloads:
                  - {workload: api-asia-pacific, rate: 40/s}
                  - {workload: media, rate: 20/s}
              - name: thailand
                location: [13.76, 100.5]
                workloads:
                  - {workload: api-asia-pacific, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: philippines
                location: [14.6, 120.98]
                workloads:
                  - {workload: api-asia-pacific, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: vietnam
                location: [21.03, 105.85]
                workloads:
                  - {workload: api-asia-pacific, rate: 20/s}
                  - {workload: media, rate: 10/s}
              - name: india
                location: [19.08, 72.88]
                workloads:
                  - {workload: api-asia-pacific, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: australia
                location: [-33.87, 151.21]
                workloads:
                  - {workload: api-asia-pacific, rate: 15/s}
                  - {workload: media, rate: 7.5/s}
              - name: uae
                location: [25.2, 55.27]
                workloads:
                  - {workload: api-middle-east-africa, rate: 20/s}
                  - {workload: media, rate: 10/s}
              - name: saudi-arabia
                location: [24.71, 46.68]
                workloads:
                  - {workload: api-middle-east-africa, rate: 20/s}
                  - {workload: media, rate: 10/s}
              - name: egypt
                location: [30.04, 31.24]
                workloads:
                  - {workload: api-middle-east-africa, rate: 10/s}
                  - {workload: media, rate: 5/s}
              - name: nigeria
                location: [6.52, 3.38]
                workloads:
                  - {workload: api-middle-east-africa, rate: 10/s}
                  - {workload: media, rate: 5/s}
              - name: germany
                location: [50.11, 8.68]
                workloads:
                  - {workload: api-europe, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: uk
                location: [51.51, -0.13]
                workloads:
                  - {workload: api-europe, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: france
                location: [48.86, 2.35]
                workloads:
                  - {workload: api-europe, rate: 25/s}
                  - {workload: media, rate: 12.5/s}
              - name: spain
                location: [40.42, -3.7]
                workloads:
                  - {workload: api-europe, rate: 15/s}
                  - {workload: media, rate: 7.5/s}
              - name: turkey
                location: [41.01, 28.98]
                workloads:
                  - {workload: api-europe, rate: 15/s}
                  - {workload: media, rate: 7.5/s}
              - name: russia
                location: [55.76, 37.62]
                workloads:
                  - {workload: api-europe, rate: 15/s}
                  - {workload: media, rate: 7.5/s}
              - name: us-west
                location: [37.77, -122.42]
                workloads:
                  - {workload: api-americas, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: us-east
                location: [40.71, -74.01]
                workloads:
                  - {workload: api-americas, rate: 30/s}
                  - {workload: media, rate: 15/s}
              - name: mexico
                location: [19.43, -99.13]
                workloads:
                  - {workload: api-americas, rate: 15/s}
                  - {workload: media, rate: 7.5/s}
              - name: brazil
                location: [-23.55, -46.63]
                workloads:
                  - {workload: api-americas, rate: 20/s}
                  - {workload: media, rate: 10/s}

            routing:
              policy: lowest-latency
              retry: {attempts: 2, backoff: 100 ms}

            variants:
              - name: hongkong-outage
                description: The Hong Kong region fails for 3 minutes; South-East Asia's nearest alternative in 2017 is Singapore or the mainland.
                set:
                  failures:
                    - {region: cn-hongkong, at: 4 min, for: 3 min}
            """#
        ),
        (
            "alibaba-footprint-2025",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: alibaba-footprint-2025
            extends: alibaba-footprint-2017.yaml
            description: >-
              The same users as alibaba-footprint-2017, served by Alibaba Cloud's 2025 footprint: 29
              regions, 87 zones and 3,200 edge nodes (32 sites of 100). Which continents gain most from
              the 15 new regions and the edge tier? Compare the per-continent API latency and the media
              latency with the 2017 file; the no-edge variant separates the regions' effect from the
              edge's.
            seed: 17
            currency: CNY
            exchange_rates: {USD: 7.2}

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                Which continents gain most from the 15 new regions and the edge tier since 2017?
              headline:
                - workload/api-china/latencyP50
                - workload/api-asia-pacific/latencyP50
                - workload/api-europe/latencyP50
                - workload/api-americas/latencyP50
                - workload/api-middle-east-africa/latencyP50
                - workload/media/latencyP99
                - servedBy/media/edge

            sources:
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Alibaba Cloud covers 29 public-cloud regions, 87 availability zones and 3,200+ edge nodes"
                used_in: regions (29 regions, 87 zones), edge_sites (32 sites x 100 nodes)
              - seed: 002_17d0decc7939d5f4.txt
                figure: "serving enterprises in over 200 countries and regions"
                used_in: populations (inherited from alibaba-footprint-2017)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Alibaba Cloud (2017): 31 availability zones in 14 regions"
                used_in: extends alibaba-footprint-2017.yaml (the 14 regions of 2017 are kept and resized here)

            assumptions:
              - figure: "users in 29 countries and areas, 1,000 API calls/s in all (China 450/s) and half as many media downloads"
                reason: a stand-in for a global app's users; the seed says Alibaba Cloud serves customers in 200+ countries but gives no traffic mix
              - figure: "an API call takes exp(10 ms) on one core, objective 150 ms; media: 50,000 objects, Zipf 0.8, lognormal(500 kB, 1.0), exp(10 ms) of a zone core (authorisation, storage read, resizing), none on an edge hit"
                reason: a typical web API and image/asset mix
              - figure: "each region's zones sized for about 50% utilisation (API and media) from the users nearest to it (4 cores per server, at least 1 server per zone), egress 10 Gbps"
                reason: capacity is not in the seeds; sized the same way in both years so the comparison is about places, not capacity
              - figure: "lowest-latency routing, 2 attempts"
                reason: users go to the region that answers fastest; the report's per-continent API classes then show what distance costs
              - figure: "the 29 regions: the 14 of 2017 plus Hohhot, Ulanqab, Heyuan, Guangzhou, Chengdu, Nanjing, Fuzhou, Wuhan, Kuala Lumpur, Jakarta, Manila, Bangkok, Seoul, London, Riyadh; zones per region (Hangzhou 10, Beijing 10, Shanghai 9, ...)"
                reason: the seed gives only the totals; our pick follows Alibaba Cloud's published regions (Sydney is kept from 2017 although it has since been announced for closure)
              - figure: "edge: 32 sites of 100 nodes, each 50 GB cache and 10 Gbps uplink, origin the nearest region"
                reason: 3,200 nodes grouped by city; cache and uplink are not in the seed
              - figure: "currency CNY; 1 USD = 7.2 CNY for the regions outside the mainland, priced in USD"
                reason: assumption - Alibaba Cloud lists mainland prices in CNY and international prices in USD; 7.2 is the order of the 2024-2025 rate
              - figure: "mainland regions: 0.2 CNY per core-hour, paid for every provisioned core whether busy or not; internet egress 0.8 CNY/GB"
                reason: assumption - order of magnitude of Alibaba Cloud list prices (a general-purpose instance costs about 0.35 CNY per vCPU-hour on demand, about 40% less on a subscription; pay-by-traffic egress is 0.8 CNY/GB); the zones are capacity bought ahead, so it is paid used or not
              - figure: "Hong Kong and overseas regions: 0.03 USD per core-hour provisioned, egress 0.08 USD/GB"
                reason: assumption - order of magnitude of Alibaba Cloud international list prices (subscription instances, internet egress in Asia-Pacific, Europe and the Middle East); one price everywhere, so the comparison is about places
              - figure: "edge sites: 0.2 CNY/GB delivered on the mainland, 0.04 USD/GB elsewhere"
                reason: assumption - order of magnitude of Alibaba Cloud CDN per-GB list prices at volume; cheaper than the regions' egress, as CDNs are

            regions:
              - name: cn-hangzhou   # Hangzhou
                location: [30.27, 120.15]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 10, servers: 1, cores: 4}
              - name: cn-shanghai   # Shanghai
                location: [31.23, 121.47]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 9, servers: 1, cores: 4}
              - name: cn-qingdao   # Qingdao
                location: [36.07, 120.38]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-beijing   # Beijing
                location: [39.9, 116.4]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 10, servers: 1, cores: 4}
              - name: cn-zhangjiakou   # Zhangjiakou
                location: [40.77, 114.88]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: cn-huhehaote   # Hohhot
                location: [40.84, 111.75]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-wulanchabu   # Ulanqab
                location: [41.03, 113.13]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: cn-shenzhen   # Shenzhen
                location: [22.54, 114.06]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 6, servers: 1, cores: 4}
              - name: cn-heyuan   # Heyuan
                location: [23.74, 114.7]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-guangzhou   # Guangzhou
                location: [23.13, 113.26]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-chengdu   # Chengdu
                location: [30.57, 104.07]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: cn-hongkong   # Hong Kong
                location: [22.32, 114.17]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: cn-nanjing   # Nanjing
                location: [32.06, 118.8]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: cn-fuzhou   # Fuzhou
                location: [26.07, 119.3]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: cn-wuhan   # Wuhan
                location: [30.59, 114.31]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: ap-southeast-1   # Singapore
                location: [1.35, 103.82]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 4, servers: 1, cores: 4}
              - name: ap-southeast-2   # Sydney
                location: [-33.87, 151.21]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: ap-southeast-3   # Kuala Lumpur
                location: [3.14, 101.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: ap-southeast-5   # Jakarta
                location: [-6.21, 106.85]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: ap-southeast-6   # Manila
                location: [14.6, 120.98]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: ap-southeast-7   # Bangkok
                location: [13.76, 100.5]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: ap-northeast-1   # Tokyo
                location: [35.68, 139.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: ap-northeast-2   # Seoul
                location: [37.57, 126.98]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: us-west-1   # Silicon Valley
                location: [37.39, -122.08]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: us-east-1   # Virginia (US East)
                location: [38.95, -77.45]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: eu-central-1   # Frankfurt
                location: [50.11, 8.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 4}
              - name: eu-west-1   # London
                location: [51.51, -0.13]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}
              - name: me-east-1   # Dubai
                location: [25.2, 55.27]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 1, servers: 1, cores: 4}
              - name: me-central-1   # Riyadh
                location: [24.71, 46.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4}

            edge_sites:
              - {name: edge-shanghai, location: [31.23, 121.47], region: cn-shanghai, origin: cn-shanghai, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hangzhou, location: [30.27, 120.15], region: cn-hangzhou, origin: cn-hangzhou, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-nanjing, location: [32.06, 118.8], region: cn-nanjing, origin: cn-nanjing, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-suzhou, location: [31.3, 120.58], region: cn-shanghai, origin: cn-shanghai, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hefei, location: [31.82, 117.23], region: cn-nanjing, origin: cn-nanjing, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-beijing, location: [39.9, 116.4], region: cn-beijing, origin: cn-beijing, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-tianjin, location: [39.13, 117.2], region: cn-beijing, origin: cn-beijing, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shijiazhuang, location: [38.04, 114.51], region: cn-beijing, origin: cn-beijing, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-jinan, location: [36.65, 117.12], region: cn-qingdao, origin: cn-qingdao, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-zhengzhou, location: [34.75, 113.63], region: cn-wuhan, origin: cn-wuhan, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shenyang, location: [41.8, 123.43], region: ap-northeast-2, origin: ap-northeast-2, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-harbin, location: [45.8, 126.53], region: ap-northeast-2, origin: ap-northeast-2, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-guangzhou, location: [23.13, 113.26], region: cn-guangzhou, origin: cn-guangzhou, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-shenzhen, location: [22.54, 114.06], region: cn-shenzhen, origin: cn-shenzhen, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-fuzhou, location: [26.07, 119.3], region: cn-fuzhou, origin: cn-fuzhou, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-xiamen, location: [24.48, 118.09], region: cn-fuzhou, origin: cn-fuzhou, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-nanning, location: [22.82, 108.32], region: cn-guangzhou, origin: cn-guangzhou, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-wuhan, location: [30.59, 114.31], region: cn-wuhan, origin: cn-wuhan, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-changsha, location: [28.23, 112.94], region: cn-wuhan, origin: cn-wuhan, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-chengdu, location: [30.57, 104.07], region: cn-chengdu, origin: cn-chengdu, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-chongqing, location: [29.56, 106.55], region: cn-chengdu, origin: cn-chengdu, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-xian, location: [34.34, 108.94], region: cn-chengdu, origin: cn-chengdu, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-kunming, location: [25.04, 102.71], region: cn-chengdu, origin: cn-chengdu, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-urumqi, location: [43.83, 87.62], region: cn-huhehaote, origin: cn-huhehaote, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.2 CNY/GB}}
              - {name: edge-hongkong, location: [22.32, 114.17], region: cn-hongkong, origin: cn-hongkong, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-singapore, location: [1.35, 103.82], region: ap-southeast-1, origin: ap-southeast-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-tokyo, location: [35.68, 139.69], region: ap-northeast-1, origin: ap-northeast-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-jakarta, location: [-6.21, 106.85], region: ap-southeast-5, origin: ap-southeast-5, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-frankfurt, location: [50.11, 8.68], region: eu-central-1, origin: eu-central-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-london, location: [51.51, -0.13], region: eu-west-1, origin: eu-west-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-virginia, location: [38.95, -77.45], region: us-east-1, origin: us-east-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}
              - {name: edge-dubai, location: [25.2, 55.27], region: me-east-1, origin: me-east-1, cache: 50 GB, uplink: 10 Gbps, nodes: 100, price: {egress: 0.04 USD/GB}}

            variants:
              - name: no-edge
                description: The 29 regions without the edge tier - media comes from the zones, as in 2017.
                set:
                  edge_sites: []
              - name: hongkong-outage
                description: The Hong Kong region fails for 3 minutes (as in the 2017 file's variant).
                set:
                  failures:
                    - {region: cn-hongkong, at: 4 min, for: 3 min}
            """#
        ),
        (
            "cainiao-logistics",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: cainiao-logistics
            description: >-
              Can the logistics platform ride its daily peaks, and what does a regional outage at the
              morning peak cost, and can it take the post-Double 11 surge - alone, and with the outage in
              the middle of it? Cainiao handles one billion
              parcels a day: scan events from sorting hubs across China and the overseas e-Hubs, inventory
              lookups, and consumers tracking parcels in the evening. One day is simulated as a 1/1000
              sample (1 million parcel events) on 1/1000 of the capacity, with the daily curves of scans
              and tracking (overseas hubs on their own clocks).

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                Can the logistics platform ride its daily peaks, and what does a regional outage at the
                morning peak cost?
              headline:
                - workload/parcel-events/successRatio
                - workload/parcel-events/failed
                - workload/parcel-events/latencyP99
                - workload/tracking-queries/latencyP99
                - region/cn-hangzhou/utilisation

            sources:
              - seed: 002_17d0decc7939d5f4.txt
                figure: "the Cainiao logistics platform handles 1 billion parcels a day on average and manages billions of inventory items"
                used_in: "populations[*].workloads (parcel-events 2M/day in all: a 1/500 sample of 1e9/day; inventory-lookups)"
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Cainiao builds e-Hubs (international logistics hubs) with Chinese logistics firms overseas"
                used_in: populations (kuala-lumpur-ehub, liege-ehub, dubai-ehub, moscow-ehub)
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Alibaba 100% on the cloud in 2021"
                used_in: regions (all work served by cloud zones)

            assumptions:
              - figure: "a 1/500 sample: 2M parcel events, 1M inventory lookups and 2M tracking queries a day, on 1/500 of the capacity"
                reason: 1e9 events a day is about 4e9 engine events; the sample runs in seconds. A sample with fewer servers queues more than the full system, so its latencies are an upper bound
              - figure: "one parcel event takes exp(50 ms) of a core (routing, ETA, several writes); an inventory lookup exp(20 ms); a tracking query exp(10 ms)"
                reason: the seed gives no service times
              - figure: "daily curves: hub scans peak at 10:00 and 15:00 (up to 1.7x the mean); consumer tracking peaks at 21:00 (1.9x)"
                reason: sorting shifts and evening phone use; overseas hubs follow their local clocks (Liege UTC+1, Dubai UTC+4, Moscow UTC+3)
              - figure: "shares of events: Hangzhou 18%, Guangzhou 18%, Shanghai 14%, Beijing 12%, Wuhan 10%, Chengdu 10%, Xi'an 8%, e-Hubs 10%; the mainland hubs use 4 regions (Hangzhou, Shanghai, Beijing, Shenzhen)"
                reason: rough geography of parcel volume
              - figure: "each region has enough 1-core zones for about 65% load at its peak hour from its nearest hubs; queue 500, timeout 5 s"
                reason: capacity is not in the seed
              - figure: "3 attempts, 200 ms backoff doubling, full jitter; lowest-latency routing"
                reason: common client settings; hubs go to the region that answers fastest at its current load
              - figure: "after Double 11, hub parcel events triple from 09:00 to 15:00"
                reason: the parcel wave that follows the shopping festival; the seed gives only the daily average
              - figure: "currency CNY; 1 USD = 7.2 CNY for the regions outside the mainland, priced in USD"
                reason: assumption - Alibaba Cloud lists mainland prices in CNY and international prices in USD; 7.2 is the order of the 2024-2025 rate
              - figure: "mainland regions: 0.2 CNY per core-hour, paid for every provisioned core whether busy or not; internet egress 0.8 CNY/GB"
                reason: assumption - order of magnitude of Alibaba Cloud list prices (a general-purpose instance costs about 0.35 CNY per vCPU-hour on demand, about 40% less on a subscription; pay-by-traffic egress is 0.8 CNY/GB); the zones are capacity bought ahead, so it is paid used or not
              - figure: "Hong Kong and overseas regions: 0.03 USD per core-hour provisioned, egress 0.08 USD/GB"
                reason: assumption - order of magnitude of Alibaba Cloud international list prices (subscription instances, internet egress in Asia-Pacific, Europe and the Middle East); one price everywhere, so the comparison is about places

            duration: 24 h
            interval: 1 h
            seed: 1111
            currency: CNY
            exchange_rates: {USD: 7.2}

            workloads:
              - {name: parcel-events, kind: transaction, service: exp(50 ms), slo: 1 s}
              - {name: inventory-lookups, kind: transaction, service: exp(20 ms), slo: 500 ms}
              - {name: tracking-queries, kind: transaction, service: exp(10 ms), slo: 500 ms}

            regions:
              - name: cn-hangzhou
                location: [30.27, 120.15]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 2, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: cn-shanghai
                location: [31.23, 121.47]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 1, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: cn-beijing
                location: [39.9, 116.4]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 1, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: cn-shenzhen
                location: [22.54, 114.06]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 2, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: ap-southeast-3
                location: [3.14, 101.69]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: eu-central-1
                location: [50.11, 8.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 1, cores: 1, queue: 500, timeout: 5 s}
              - name: me-east-1
                location: [25.2, 55.27]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 1, cores: 1, queue: 500, timeout: 5 s}

            populations:
              - name: hangzhou
                location: [30.27, 120.15]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 360k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 180k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: shanghai
                location: [31.23, 121.47]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 280k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 140k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: guangzhou
                location: [23.13, 113.26]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 360k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 180k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: beijing
                location: [39.9, 116.4]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 240k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 120k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: wuhan
                location: [30.59, 114.31]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 200k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 100k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: chengdu
                location: [30.57, 104.07]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 200k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 100k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: xian
                location: [34.34, 108.94]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 160k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 80k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: kuala-lumpur-ehub
                location: [3.14, 101.69]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 60k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
                  - workload: inventory-lookups
                    rate: 30k/day
                    shape: linear
                    diurnal: [0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4]
              - name: liege-ehub
                location: [50.63, 5.57]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 60k/day
                    shape: linear
                    diurnal: [1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49]
                  - workload: inventory-lookups
                    rate: 30k/day
                    shape: linear
                    diurnal: [1.29, 1.1, 1, 0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49]
              - name: dubai-ehub
                location: [25.2, 55.27]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 40k/day
                    shape: linear
                    diurnal: [0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1]
                  - workload: inventory-lookups
                    rate: 20k/day
                    shape: linear
                    diurnal: [0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1, 1]
              - name: moscow-ehub
                location: [55.76, 37.62]
                clients: enterprise
                workloads:
                  - workload: parcel-events
                    rate: 40k/day
                    shape: linear
                    diurnal: [1, 0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1]
                  - workload: inventory-lookups
                    rate: 20k/day
                    shape: linear
                    diurnal: [1, 0.9, 0.8, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.9, 1.2, 1.49, 1.69, 1.79, 1.59, 1.29, 1.29, 1.49, 1.59, 1.49, 1.29, 1.1]
              - name: hangzhou-consumers
                location: [30.27, 120.2]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 400k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: shanghai-consumers
                location: [31.23, 121.52]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 311.11k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: guangzhou-consumers
                location: [23.13, 113.31]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 400k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: beijing-consumers
                location: [39.9, 116.45]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 266.67k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: wuhan-consumers
                location: [30.59, 114.36]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 222.22k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: chengdu-consumers
                location: [30.57, 104.12]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 222.22k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]
              - name: xian-consumers
                location: [34.34, 108.99]
                clients: mobile
                workloads:
                  - workload: tracking-queries
                    rate: 177.78k/day
                    shape: linear
                    diurnal: [0.51, 0.31, 0.21, 0.15, 0.15, 0.21, 0.41, 0.72, 1.03, 1.13, 1.23, 1.33, 1.44, 1.23, 1.13, 1.13, 1.13, 1.23, 1.33, 1.54, 1.85, 1.95, 1.64, 1.03]

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 200 ms, multiplier: 2, cap: 10 s, jitter: true}

            variants:
              - name: hangzhou-outage-at-peak
                description: The Hangzhou region fails from 10:00 to 11:00, at the morning scan peak; its hubs go to Shanghai and beyond.
                set:
                  failures:
                    - {region: cn-hangzhou, at: 10 h, for: 1 h}
              - name: singles-day-surge
                description: The days after Double 11 - hub parcel events triple from 09:00 to 15:00 (sane retries).
                set: &surge
                  populations.hangzhou.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.shanghai.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.guangzhou.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.beijing.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.wuhan.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.chengdu.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.xian.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.kuala-lumpur-ehub.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.liege-ehub.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.dubai-ehub.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
                  populations.moscow-ehub.workloads.0.peaks: [{at: 9 h, for: 6 h, times: 3}]
              - name: surge-with-outage
                description: The surge, and the Hangzhou region fails from 10:00 to 11:00 in the middle of it.
                set:
                  <<: *surge
                  failures:
                    - {region: cn-hangzhou, at: 10 h, for: 1 h}
            """#
        ),
        (
            "global-expansion-gdpr",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: global-expansion-gdpr
            description: >-
              What does EU data residency cost a Chinese company going to Europe? An electric-car maker
              (like Xpeng, which met the GDPR with Alibaba Cloud) serves cars and app users in seven
              European countries. Under residency, EU users' personal data is processed only in Frankfurt
              (UK users in London or Frankfurt); without it, requests may go to London or back to the
              Shanghai headquarters region. Software updates come from European edge caches. The
              variants lift residency, fail Frankfurt for ten minutes with and without it, and add a
              launch-day surge.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                What does EU data residency cost a Chinese company going to Europe, in latency and in lost
                requests?
              headline:
                - workload/app-api/latencyP99
                - workload/vehicle-telemetry/latencyP99
                - workload/app-api/successRatio
                - workload/vehicle-telemetry/failed
                - region/eu-central-1/utilisation

            sources:
              - seed: 002_17d0decc7939d5f4.txt
                figure: "Alibaba Cloud helped Xpeng meet the EU's strict GDPR requirements and expand into the European market"
                used_in: populations[*].allowed_regions (residency), variants.no-residency
              - seed: 002_17d0decc7939d5f4.txt
                figure: "in the first half of last year over 2,000 listed Chinese companies were planning overseas markets, half of the total"
                used_in: description (the question every one of them faces)
              - seed: 002_17d0decc7939d5f4.txt
                figure: "global one cloud, one network, one integrated service system (Alibaba Cloud's 'three global ones')"
                used_in: regions (eu-central-1, eu-west-1 and cn-shanghai in one model)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Alibaba Cloud service teams in Germany, France and the UK"
                used_in: populations (germany, france, uk)

            assumptions:
              - figure: "European users: Germany, France, Netherlands, Norway, Sweden, Denmark, UK; 600 telemetry messages/s and 200 app calls/s in all, plus 0.5 update downloads/s"
                reason: an early-stage European fleet; the seed names no figures
              - figure: "telemetry exp(8 ms) on one core (objective 200 ms), app API exp(15 ms) (objective 300 ms), updates: 200 packages, Zipf 1.0, lognormal(300 MB, 0.5), objective 10 min"
                reason: connected-car message handling and app back-end; update packages of a few hundred MB
              - figure: "Chinese users of the same service: 300 app calls/s, served in Shanghai"
                reason: the home market shares the Shanghai region
              - figure: "Frankfurt: 2 zones x 1 server x 8 cores; London: 2 x 1 x 4; Shanghai: 3 x 1 x 8; queues 1,000, timeout 3 s"
                reason: Frankfurt sized for the EU load at about half utilisation; London for the UK with room to spare
              - figure: "edge caches in Amsterdam and Frankfurt (region eu-central-1), London (eu-west-1): 500 GB, 20 Gbps"
                reason: a small CDN presence for update packages
              - figure: "launch-day surge: app calls x4 for 5 minutes"
                reason: a new model's launch sends owners and prospects to the app at once
              - figure: "lowest-latency routing, 3 attempts with 100 ms backoff"
                reason: requests go to the allowed region that answers fastest at its load
              - figure: "currency USD; 1 USD = 7.2 CNY for the Shanghai region, priced in CNY"
                reason: assumption - a European business is billed by Alibaba Cloud's international site in USD; 7.2 is the order of the 2024-2025 rate
              - figure: "Frankfurt and London: 0.03 USD per provisioned core-hour, egress 0.07 USD/GB; Shanghai: 0.2 CNY per core-hour, 0.8 CNY/GB; edge caches 0.04 USD/GB"
                reason: assumption - order of magnitude of Alibaba Cloud list prices (subscription instances, internet egress, CDN at volume); capacity bought ahead is paid used or not

            duration: 20 min
            warmup: 1 min
            interval: 30 s
            seed: 2025
            currency: USD
            exchange_rates: {CNY: 0.1389}

            workloads:
              - name: vehicle-telemetry
                kind: transaction
                service: exp(8 ms)
                slo: 200 ms
              - name: app-api
                kind: transaction
                service: exp(15 ms)
                slo: 300 ms
              - name: ota-updates
                kind: download
                catalogue: 200
                zipf: 1.0
                object_size: lognormal(300 MB, 0.5)
                service: 5 ms
                slo: 10 min

            regions:
              - name: eu-central-1
                location: [50.11, 8.68]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.07 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 8, queue: 1000, timeout: 3 s}
              - name: eu-west-1
                location: [51.51, -0.13]
                price: {provisioned_core_hour: 0.03 USD/h, egress: 0.07 USD/GB}
                egress: 10 Gbps
                zones: {count: 2, servers: 1, cores: 4, queue: 1000, timeout: 3 s}
              - name: cn-shanghai
                location: [31.23, 121.47]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                egress: 10 Gbps
                zones: {count: 3, servers: 1, cores: 8, queue: 1000, timeout: 3 s}

            edge_sites:
              - {name: edge-amsterdam, location: [52.37, 4.90], region: eu-central-1, origin: eu-central-1, cache: 500 GB, uplink: 20 Gbps, nodes: 4, price: {egress: 0.04 USD/GB}}
              - {name: edge-frankfurt, location: [50.11, 8.68], region: eu-central-1, origin: eu-central-1, cache: 500 GB, uplink: 20 Gbps, nodes: 4, price: {egress: 0.04 USD/GB}}
              - {name: edge-london, location: [51.51, -0.13], region: eu-west-1, origin: eu-west-1, cache: 500 GB, uplink: 20 Gbps, nodes: 4, price: {egress: 0.04 USD/GB}}

            populations:
              - name: germany
                location: [52.52, 13.40]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 150/s}
                  - {workload: app-api, rate: 50/s}
                  - {workload: ota-updates, rate: 0.12/s}
              - name: france
                location: [48.86, 2.35]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 90/s}
                  - {workload: app-api, rate: 30/s}
                  - {workload: ota-updates, rate: 0.07/s}
              - name: netherlands
                location: [52.37, 4.90]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 90/s}
                  - {workload: app-api, rate: 30/s}
                  - {workload: ota-updates, rate: 0.07/s}
              - name: norway
                location: [59.91, 10.75]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 120/s}
                  - {workload: app-api, rate: 40/s}
                  - {workload: ota-updates, rate: 0.1/s}
              - name: sweden
                location: [59.33, 18.07]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 45/s}
                  - {workload: app-api, rate: 15/s}
                  - {workload: ota-updates, rate: 0.04/s}
              - name: denmark
                location: [55.68, 12.57]
                allowed_regions: [eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 45/s}
                  - {workload: app-api, rate: 15/s}
                  - {workload: ota-updates, rate: 0.04/s}
              - name: uk
                location: [51.51, -0.13]
                allowed_regions: [eu-west-1, eu-central-1]
                workloads:
                  - {workload: vehicle-telemetry, rate: 60/s}
                  - {workload: app-api, rate: 20/s}
                  - {workload: ota-updates, rate: 0.06/s}
              - name: china-home-market
                location: [31.23, 121.47]
                clients: mobile
                workloads:
                  - {workload: app-api, rate: 300/s}

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 100 ms}

            variants:
              - name: no-residency
                description: No data-residency constraint - European requests may be served in London or Shanghai too.
                set: &no-residency
                  populations.germany.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.france.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.netherlands.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.norway.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.sweden.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.denmark.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
                  populations.uk.allowed_regions: [eu-central-1, eu-west-1, cn-shanghai]
              - name: frankfurt-outage
                description: With residency, the Frankfurt region (zones and egress) fails from minute 8 to 18; EU requests have nowhere else to go.
                set: &frankfurt-outage
                  failures:
                    - {region: eu-central-1, at: 8 min, for: 10 min}
                    - {link: eu-central-1.egress, at: 8 min, for: 10 min}
              - name: frankfurt-outage-no-residency
                description: The same outage without residency - EU requests fail over to London and Shanghai.
                set:
                  <<: [*no-residency, *frankfurt-outage]
              - name: launch-surge
                description: With residency, app calls from the EU quadruple for 5 minutes (minute 6 to 11) at a model launch.
                set: &launch
                  populations.germany.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
                  populations.france.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
                  populations.netherlands.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
                  populations.norway.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
                  populations.sweden.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
                  populations.denmark.workloads.1.peaks: [{at: 6 min, for: 5 min, times: 4}]
              - name: launch-surge-no-residency
                description: The launch surge without residency - the overflow may go to London or Shanghai.
                set:
                  <<: [*no-residency, *launch]
            """#
        ),
        (
            "huawei-russia",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: huawei-russia
            description: >-
              What do Huawei Cloud's new Russian sites buy? Online games and video on demand for users
              from Saint Petersburg to Vladivostok, plus the national census: 360,000 tablets uploading
              their records in a 20-minute burst. The base has the Moscow region (two partner data
              centers) and the new Saint Petersburg and Yekaterinburg regions with edge caches; the
              moscow-only variant serves everyone from Moscow, as before the expansion. Other variants
              fail a Moscow zone during the census burst, with and without the new sites.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                What do Huawei Cloud's new Saint Petersburg and Yekaterinburg sites buy for games, video and
                the census?
              headline:
                - workload/online-games/latencyP99
                - workload/video-on-demand/startupDelayP99
                - workload/census-upload/successRatio
                - workload/census-upload/latencyP99
                - region/ru-moscow/utilisation

            sources:
              - seed: 000_e0234624fbca49c1.txt
                figure: "Huawei Cloud has served Russian sectors and enterprises for a year (2019); several data centers built with Russian partners"
                used_in: regions.ru-moscow (two zones)
              - seed: 000_e0234624fbca49c1.txt
                figure: "Huawei is starting to build out in Saint Petersburg and Yekaterinburg"
                used_in: regions.ru-saint-petersburg, regions.ru-yekaterinburg; variants.moscow-only
              - seed: 000_e0234624fbca49c1.txt
                figure: "combining Russia's demand for online games and video on demand with cloud services"
                used_in: workloads (online-games, video-on-demand)
              - seed: 000_e0234624fbca49c1.txt
                figure: "360,000 Huawei tablets with Aurora OS for next year's national census (a pilot, before August 2020)"
                used_in: populations.census-* (360,000 uploads in a 20-minute burst)
              - seed: 000_e0234624fbca49c1.txt
                figure: "goal: become a main cloud provider in Russia within three years"
                used_in: description (why the new sites matter)
              - seed: 000_e0234624fbca49c1.txt
                figure: "first joint venture in Ufa, 1998"
                used_in: populations.ufa

            assumptions:
              - figure: "census burst: 360,000 uploads in 20 minutes (10/s of background sync x 30 = 300/s), each lognormal(150 ms, 0.5) on one core, objective 2 s"
                reason: tablets syncing at the end of a census day; the seed gives the tablet count, not the timing
              - figure: "census tablets by area: west 55%, Urals and Volga 25%, Siberia and Far East 20%"
                reason: roughly where Russians live
              - figure: "online games: 430 actions/s, exp(5 ms) each, objective 80 ms; video: 65 streams/s, 5,000 titles, Zipf 0.8, lognormal(60 MB, 0.8), 3 Mbps"
                reason: a slice of a game and VOD platform's evening load
              - figure: "player and viewer shares by city: Moscow 46%, Saint Petersburg 19%, Krasnodar 7%, Yekaterinburg 7%, Novosibirsk 7%, Kazan 6%, Ufa 5%, Vladivostok 3%"
                reason: city populations weighted to large cities
              - figure: "capacity: Moscow 2 zones x 4 servers x 8 cores, Saint Petersburg 1 x 2 x 8, Yekaterinburg 1 x 3 x 8"
                reason: sized so all three carry the census burst at about half load and Moscow alone at over 80%
              - figure: "edge caches in Moscow (80 Gbps), Saint Petersburg, Yekaterinburg and Novosibirsk (10 Gbps each), 2 TB each; egress 40 Gbps (Moscow), 10 Gbps (others)"
                reason: a CDN presence in the largest cities; Moscow's is sized for all of Russia's video when the new sites are not used
              - figure: "variants siberian-trunk and siberian-trunk-cut: a 2 Gbps Yekaterinburg-Novosibirsk trunk (latency from the map, about 1,400 km) carrying Novosibirsk's traffic with ru-yekaterinburg (where those variants serve it) and its edge's misses; the cut lasts minutes 15 to 20"
                reason: assumption - a leased backbone wave between the Urals and Siberia; the seeds give no backbone figures, and 2 Gbps is below Novosibirsk's video demand, so the trunk, not the edge, is what a cut or a squeeze shows
              - figure: "lowest-latency routing, 3 attempts with 100 ms backoff"
                reason: users go to the site that answers fastest at its current load
              - figure: "currency RUB: 1.2 RUB per provisioned core-hour, egress 1.5 RUB/GB, edge caches 0.8 RUB/GB"
                reason: assumption - order of magnitude of Russian public cloud list prices around 2019 (about a rouble per vCPU-hour, one to two roubles per GB of internet traffic, CDN below that); the seed gives no prices

            duration: 40 min
            warmup: 2 min
            interval: 1 min
            seed: 2019
            currency: RUB

            workloads:
              - name: online-games
                kind: transaction
                service: exp(5 ms)
                slo: 80 ms
              - name: video-on-demand
                kind: stream
                catalogue: 5k
                zipf: 0.8
                object_size: lognormal(60 MB, 0.8)
                bitrate: 3 Mbps
                service: 5 ms
              - name: census-upload
                kind: transaction
                service: lognormal(150 ms, 0.5)
                slo: 2 s

            regions:
              - name: ru-moscow
                location: [55.76, 37.62]
                price: {provisioned_core_hour: 1.2 RUB/h, egress: 1.5 RUB/GB}
                egress: 40 Gbps
                zones:
                  - {name: ru-moscow-a, servers: 4, cores: 8, queue: 2000, timeout: 10 s}
                  - {name: ru-moscow-b, servers: 4, cores: 8, queue: 2000, timeout: 10 s}
              - name: ru-saint-petersburg
                location: [59.93, 30.34]
                price: {provisioned_core_hour: 1.2 RUB/h, egress: 1.5 RUB/GB}
                egress: 10 Gbps
                zones:
                  - {name: ru-saint-petersburg-a, servers: 2, cores: 8, queue: 2000, timeout: 10 s}
              - name: ru-yekaterinburg
                location: [56.84, 60.61]
                price: {provisioned_core_hour: 1.2 RUB/h, egress: 1.5 RUB/GB}
                egress: 10 Gbps
                zones:
                  - {name: ru-yekaterinburg-a, servers: 3, cores: 8, queue: 2000, timeout: 10 s}

            edge_sites:
              - {name: edge-moscow, location: [55.76, 37.62], region: ru-moscow, origin: ru-moscow, cache: 2 TB, uplink: 80 Gbps, nodes: 8, price: {egress: 0.8 RUB/GB}}
              - {name: edge-saint-petersburg, location: [59.93, 30.34], region: ru-saint-petersburg, origin: ru-saint-petersburg, cache: 2 TB, uplink: 10 Gbps, nodes: 2, price: {egress: 0.8 RUB/GB}}
              - {name: edge-yekaterinburg, location: [56.84, 60.61], region: ru-yekaterinburg, origin: ru-yekaterinburg, cache: 2 TB, uplink: 10 Gbps, nodes: 2, price: {egress: 0.8 RUB/GB}}
              - {name: edge-novosibirsk, location: [55.03, 82.92], region: ru-yekaterinburg, origin: ru-yekaterinburg, cache: 2 TB, uplink: 10 Gbps, nodes: 2, price: {egress: 0.8 RUB/GB}}

            populations:
              - name: moscow
                location: [55.76, 37.62]
                workloads:
                  - {workload: online-games, rate: 200/s}
                  - {workload: video-on-demand, rate: 30/s}
              - name: saint-petersburg
                location: [59.93, 30.34]
                workloads:
                  - {workload: online-games, rate: 80/s}
                  - {workload: video-on-demand, rate: 12/s}
              - name: krasnodar
                location: [45.04, 38.98]
                workloads:
                  - {workload: online-games, rate: 30/s}
                  - {workload: video-on-demand, rate: 4.5/s}
              - name: yekaterinburg
                location: [56.84, 60.61]
                workloads:
                  - {workload: online-games, rate: 30/s}
                  - {workload: video-on-demand, rate: 4.5/s}
              - name: novosibirsk
                location: [55.03, 82.92]
                workloads:
                  - {workload: online-games, rate: 30/s}
                  - {workload: video-on-demand, rate: 4.5/s}
              - name: kazan
                location: [55.79, 49.12]
                workloads:
                  - {workload: online-games, rate: 25/s}
                  - {workload: video-on-demand, rate: 4/s}
              - name: ufa
                location: [54.74, 55.97]
                workloads:
                  - {workload: online-games, rate: 20/s}
                  - {workload: video-on-demand, rate: 3/s}
              - name: vladivostok
                location: [43.12, 131.89]
                workloads:
                  - {workload: online-games, rate: 15/s}
                  - {workload: video-on-demand, rate: 2.5/s}
              - name: census-west
                location: [55.76, 37.62]
                clients: mobile
                workloads:
                  - {workload: census-upload, rate: 5.5/s, peaks: [{at: 12 min, for: 20 min, times: 30}]}
              - name: census-urals-volga
                location: [56.84, 60.61]
                clients: mobile
                workloads:
                  - {workload: census-upload, rate: 2.5/s, peaks: [{at: 12 min, for: 20 min, times: 30}]}
              - name: census-siberia-far-east
                location: [55.03, 82.92]
                clients: mobile
                workloads:
                  - {workload: census-upload, rate: 2/s, peaks: [{at: 12 min, for: 20 min, times: 30}]}

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 100 ms}

            variants:
              - name: moscow-only
                description: Before the expansion - every user and tablet is served from Moscow (its zones and its edge cache).
                set: &moscow-only
                  populations.moscow.allowed_regions: [ru-moscow]
                  populations.saint-petersburg.allowed_regions: [ru-moscow]
                  populations.krasnodar.allowed_regions: [ru-moscow]
                  populations.yekaterinburg.allowed_regions: [ru-moscow]
                  populations.novosibirsk.allowed_regions: [ru-moscow]
                  populations.kazan.allowed_regions: [ru-moscow]
                  populations.ufa.allowed_regions: [ru-moscow]
                  populations.vladivostok.allowed_regions: [ru-moscow]
                  populations.census-west.allowed_regions: [ru-moscow]
                  populations.census-urals-volga.allowed_regions: [ru-moscow]
                  populations.census-siberia-far-east.allowed_regions: [ru-moscow]
              - name: moscow-zone-outage
                description: With the new sites, ru-moscow-a fails 10 minutes into the census burst (minutes 22 to 32).
                set:
                  failures:
                    - {zone: ru-moscow-a, at: 22 min, for: 10 min}
              - name: moscow-only-zone-outage
                description: Without the new sites, ru-moscow-a fails 10 minutes into the census burst - Moscow's one remaining zone carries everything.
                set:
                  <<: *moscow-only
                  failures:
                    - {zone: ru-moscow-a, at: 22 min, for: 10 min}
              - name: siberian-trunk
                description: Novosibirsk is served in the ru-yekaterinburg region only (its zones, and the Yekaterinburg and Novosibirsk edges), and reaches its zones, as its edge's misses do, over a 2 Gbps trunk (latency from the map) rather than an unlimited network.
                set: &siberian-trunk
                  populations.novosibirsk.allowed_regions: [ru-yekaterinburg]
                  links:
                    - {name: yekaterinburg-novosibirsk, capacity: 2 Gbps, between: [ru-yekaterinburg, edge-novosibirsk]}
                  paths:
                    - {from: novosibirsk, to: ru-yekaterinburg, via: [yekaterinburg-novosibirsk]}
                    - {from: edge-novosibirsk, to: ru-yekaterinburg, via: [yekaterinburg-novosibirsk]}
              - name: siberian-trunk-cut
                description: The same trunk, cut for 5 minutes (minutes 15 to 20) - the transfers over it fail and are retried elsewhere.
                set:
                  <<: *siberian-trunk
                  failures:
                    - {link: yekaterinburg-novosibirsk, at: 15 min, for: 5 min}
            """#
        ),
        (
            "macau-city-brain",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: macau-city-brain
            description: >-
              Should Macau's City Brain analyse its traffic video at an edge site in Macau or in a cloud
              region - Hong Kong next door, or Hangzhou, where the City Brain was born and still runs
              Hangzhou's own cameras? Cameras at Macau's junctions send analysis requests that must come
              back fast enough to retime the lights, each carrying two seconds of 1080p video, so where
              the analysis runs decides which links carry 6.7 Gbit/s of camera video and what that
              backhaul costs; residents and visitors use city services; visitors
              cross the border at 30 million a year. Variants analyse in Hong Kong or in Hangzhou, and
              fail the Macau edge for four minutes.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                Should Macau's City Brain analyse its traffic video at an edge site in Macau or in a cloud
                region: backhaul Gbit/s, latency and cost?
              headline:
                - workload/traffic-analysis/latencyP99
                - workload/traffic-analysis/sloAttainment
                - workload/traffic-analysis/failed
                - region/cn-hongkong/backhaul95th
                - region/cn-hangzhou/backhaul95th
                - cost/backhaul
                - workload/city-services/latencyP99

            sources:
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Macau and Alibaba signed a 4-year smart-city agreement (4 August): traffic management, tourism, health care, city management, talent"
                used_in: workloads (traffic-analysis, city-services)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Macau has 600,000+ residents"
                used_in: populations.macau-residents (city-services rate 6M/day = 10 requests per resident per day)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Macau receives 30 million+ visitors a year"
                used_in: populations.macau-visitors.workloads (border-clearance rate 30M/yr)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "Hangzhou City Brain tuned traffic lights in real time from video, raising vehicle speed on Xiaoshan's Shixin Road by up to 11%"
                used_in: populations.hangzhou-cameras and workloads.hangzhou-traffic-analysis (the reference deployment, sharing cn-hangzhou)
              - seed: 004_83d1169df7cb6cad.txt
                figure: "the City Brain incubated in Hangzhou provides technology and experience for Macau's smart city"
                used_in: variants.analyse-in-hangzhou
              - seed: 004_83d1169df7cb6cad.txt
                figure: "phase 2 (2019-2021): environment, customs clearance, economic forecasting"
                used_in: workloads.border-clearance

            assumptions:
              - figure: "1,600 camera junctions in Macau each sending one analysis request every 2 s (800/s); 4,000 in Hangzhou (2,000/s)"
                reason: the seed gives no camera counts; of the order of a dense city's signalled junctions
              - figure: "analysis: lognormal(40 ms, 0.3) on one core (an inference on a short clip), objective 100 ms round trip"
                reason: the light controller needs the answer within its control cycle
              - figure: "each analysis request carries 2 s of its camera's 1080p H.264 video at 4 Mbit/s: lognormal(1 MB, 0.3) up (median 1 MB, mean 1.05 MB); the answer (detections, light timings) is 2 KB down"
                reason: assumption - 4 Mbit/s is a common bitrate for 1080p surveillance streams; variable-bitrate clips vary by about 30%; 1,600 cameras then send 6.7 Gbit/s (800/s x 1.05 MB x 8) wherever the analysis runs
              - figure: "Hangzhou's own camera video reaches cn-hangzhou over its metro network: hangzhou-traffic-analysis carries no bytes"
                reason: assumption - that video never crosses a backhaul the question is about, so it is left out of the region's ingress
              - figure: "backhaul into Hong Kong: a 10 Gbit/s cross-border leased line from Macau at 60 CNY per Mbit/s per month on the 95th percentile of 5-minute samples"
                reason: assumption - carriers sell cross-border bandwidth per Mbit/s-month on the monthly 95th percentile (as in xunlei-hongkong); 10 Gbit/s carries the cameras' 6.7 Gbit/s at about 67%
              - figure: "backhaul into Hangzhou: a 10 Gbit/s long-haul line from Macau at 100 CNY per Mbit/s per month on the 95th percentile"
                reason: assumption - about 1,200 km and a border crossing cost more than the line to Hong Kong next door
              - figure: "the Macau edge is reached over the city's own camera network: no ingress limit, no backhaul price; response egress is not priced"
                reason: assumption - the city owns the network between its junctions and the edge; the answers are a few KB
              - figure: "currency CNY"
                reason: assumption - Alibaba Cloud's City Brain prices in CNY; every price here is an assumption, none is in the seed
              - figure: "Macau edge: 1 zone of 5 servers x 16 cores; Hong Kong: 2 zones of 3 x 16; Hangzhou: 3 zones of 5 x 16"
                reason: sized for about 60% load from their own cameras, so moving Macau's load shows queueing
              - figure: "city services: exp(20 ms), objective 300 ms; border clearance: exp(200 ms), objective 2 s"
                reason: typical e-government transactions
              - figure: "enterprise (wired) access for cameras, mobile for residents and visitors; lowest-latency routing, 3 attempts"
                reason: cameras sit on the city's network; people use phones

            duration: 10 min
            warmup: 1 min
            interval: 30 s
            seed: 804
            currency: CNY

            workloads:
              - name: traffic-analysis
                kind: transaction
                service: lognormal(40 ms, 0.3)
                slo: 100 ms
                request_size: lognormal(1 MB, 0.3)
                response_size: 2 KB
              - name: hangzhou-traffic-analysis
                kind: transaction
                service: lognormal(40 ms, 0.3)
                slo: 100 ms
              - name: city-services
                kind: transaction
                service: exp(20 ms)
                slo: 300 ms
              - name: border-clearance
                kind: transaction
                service: exp(200 ms)
                slo: 2 s

            regions:
              - name: mo-macau-edge
                location: [22.19, 113.54]
                zones:
                  - {name: mo-macau-edge-a, servers: 5, cores: 16, queue: 5000, timeout: 2 s}
              - name: cn-hongkong
                location: [22.32, 114.17]
                ingress: 10 Gbps
                price:
                  ingress_95th: {mbps: 60 CNY, per: month, percentile: 95}
                zones: {count: 2, servers: 3, cores: 16, queue: 5000, timeout: 2 s}
              - name: cn-hangzhou
                location: [30.27, 120.15]
                ingress: 10 Gbps
                price:
                  ingress_95th: {mbps: 100 CNY, per: month, percentile: 95}
                zones: {count: 3, servers: 5, cores: 16, queue: 5000, timeout: 2 s}

            populations:
              - name: macau-cameras
                location: [22.19, 113.54]
                clients: enterprise
                allowed_regions: [mo-macau-edge, cn-hongkong]
                workloads:
                  - {workload: traffic-analysis, rate: 800/s}
              - name: macau-residents
                location: [22.19, 113.55]
                clients: mobile
                workloads:
                  - workload: city-services
                    rate: 6M/day
                    shape: linear
                    diurnal: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.4, 1.6, 1.6, 1.5, 1.4, 1.4, 1.5, 1.5, 1.4, 1.3, 1.3, 1.3, 1.2, 1.0, 0.7, 0.5]
              - name: macau-visitors
                location: [22.20, 113.55]
                clients: mobile
                workloads:
                  - {workload: border-clearance, rate: 30M/yr}
                  - {workload: city-services, rate: 3M/day}
              - name: hangzhou-cameras
                location: [30.27, 120.15]
                clients: enterprise
                allowed_regions: [cn-hangzhou]
                workloads:
                  - {workload: hangzhou-traffic-analysis, rate: 2000/s}

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 50 ms}

            variants:
              - name: analyse-in-hongkong
                description: Macau's traffic video analysed in the Hong Kong cloud region (about 60 km away), not at a Macau edge site.
                set:
                  populations.macau-cameras.allowed_regions: [cn-hongkong]
              - name: analyse-in-hangzhou
                description: Macau's traffic video analysed by the City Brain in Hangzhou (about 1,200 km), sharing it with Hangzhou's own cameras.
                set:
                  populations.macau-cameras.allowed_regions: [cn-hangzhou]
                  populations.hangzhou-cameras.allowed_regions: [cn-hangzhou]
              - name: edge-outage
                description: The Macau edge site fails from minute 4 to minute 8; the cameras fail over to Hong Kong.
                set:
                  failures:
                    - {zone: mo-macau-edge-a, at: 4 min, for: 4 min}
            """#
        ),
        (
            "northeast-industrial-cloud",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: northeast-industrial-cloud
            description: >-
              Two questions from China's north-east push onto the cloud. (1) Liaoning plans 10,000
              enterprises on the cloud within three years: how much regional capacity does each stage
              need, and what happens when the local region fails? The sweep runs the enterprise load at
              2,500, 5,000, 7,500 and 10,000 enterprises. (2) The Ruifang Yumei die-casting plant's 9
              machines photograph every casting for inspection: at an edge server in the plant, with the
              cloud as fallback, or in the cloud only - and what a cloud outage then costs the line.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                How much regional capacity does each stage of Liaoning's move to the cloud need, and what
                does a cloud outage cost the die-casting line?
              headline:
                - region/cn-shenyang/utilisation
                - workload/enterprise-apps/latencyP99
                - workload/enterprise-apps/successRatio
                - workload/casting-inspection/latencyP99
                - workload/casting-inspection/failed

            sources:
              - seed: 001_4a3986f7133450c2.txt
                figure: "Liaoning (2018): aims to bring 10,000 enterprises onto the cloud within three years"
                used_in: populations.liaoning-enterprises.workloads (rate 500/s = 10,000 x 0.05/s), sweep (2,500 to 10,000)
              - seed: 001_4a3986f7133450c2.txt
                figure: "Tencent and Liaoning (12 June): smart city, digital government, industrial internet; cities Shenyang, Dalian, Harbin"
                used_in: regions.cn-shenyang, populations (liaoning-enterprises at Shenyang, dalian-enterprises, harbin-enterprises)
              - seed: 001_4a3986f7133450c2.txt
                figure: "Alibaba and Heilongjiang: enterprise cloud migration, digital government, smart city"
                used_in: populations.harbin-enterprises
              - seed: 001_4a3986f7133450c2.txt
                figure: "Ruifang Yumei (Chongqing), 16,000 t/yr aluminium castings: its 9 large die-casting machines will all get camera image inspection on Alibaba Cloud IoT"
                used_in: populations.ruifang-yumei-plant, workloads.casting-inspection
              - seed: 001_4a3986f7133450c2.txt
                figure: "expected: staff cost -15%, breakdown downtime -50%, product quality +5%, management efficiency +20%"
                used_in: "description (why inspection must keep running - a stopped line loses these gains)"

            assumptions:
              - figure: "an enterprise on the cloud sends 0.05 requests/s on average during working hours (ERP, MES, office), each exp(30 ms) on one core, objective 500 ms"
                reason: small and medium manufacturers' business systems; the seed gives only the enterprise count
              - figure: "Dalian: 200/s (4,000 enterprises already on the cloud), Harbin: 100/s"
                reason: the rest of the north-east, not part of the Liaoning target
              - figure: "16,000 t/yr over 9 machines is about 1,800 t per machine; at 40 shots an hour, 12 images per casting: 4,320 images/h for the plant"
                reason: large castings of tens of kilograms each; the seed gives tonnage and machine count, not the cycle
              - figure: "inspection: lognormal(120 ms, 0.3) per image on one core (a vision model), objective 300 ms, before the robot arm moves the part on"
                reason: typical defect-detection inference time; the line cannot wait longer
              - figure: "plant edge: 1 server x 4 cores; cn-chengdu: 2 zones x 1 server x 8 cores for the plant and other customers"
                reason: a small on-premises box is enough for 1.2 images/s
              - figure: "cn-shenyang (a local region for Liaoning): 2 zones x 3 servers x 8 cores; cn-beijing: 3 zones x 2 x 8"
                reason: sized so the north-east's 800 requests/s (10,000 Liaoning enterprises plus Dalian and Harbin) load the local region to about half and Beijing can take them when it fails
              - figure: "30 minutes of working-hours load after 2 minutes of warm-up; lowest-latency routing, 3 attempts"
                reason: long enough for stable figures, short enough to run in a second
              - figure: "currency CNY; cloud regions 0.2 CNY per provisioned core-hour and 0.8 CNY/GB egress"
                reason: assumption - order of magnitude of mainland public cloud list prices for subscription instances and pay-by-traffic egress
              - figure: "the plant's edge server: 0.15 CNY per core-hour, paid all the time"
                reason: assumption - a 4-core industrial server of about 15,000 CNY written off over three years (26,280 hours) with its power - 15,000 / (4 x 26,280) is about 0.14 CNY per core-hour

            duration: 30 min
            warmup: 2 min
            interval: 1 min
            seed: 2018
            currency: CNY

            workloads:
              - name: enterprise-apps
                kind: transaction
                service: exp(30 ms)
                slo: 500 ms
              - name: casting-inspection
                kind: transaction
                service: lognormal(120 ms, 0.3)
                slo: 300 ms

            regions:
              - name: cn-shenyang
                location: [41.80, 123.43]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 2, servers: 3, cores: 8, queue: 2000, timeout: 5 s}
              - name: cn-beijing
                location: [39.90, 116.40]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 3, servers: 2, cores: 8, queue: 2000, timeout: 5 s}
              - name: cn-chengdu
                location: [30.57, 104.07]
                price: {provisioned_core_hour: 0.2 CNY/h, egress: 0.8 CNY/GB}
                zones: {count: 2, servers: 1, cores: 8, queue: 2000, timeout: 5 s}
              - name: cq-ruifang-plant
                location: [29.56, 106.55]
                price: {provisioned_core_hour: 0.15 CNY/h}
                zones:
                  - {name: cq-ruifang-plant-edge, servers: 1, cores: 4, queue: 200, timeout: 5 s}

            populations:
              - name: liaoning-enterprises
                location: [41.80, 123.43]
                clients: enterprise
                allowed_regions: [cn-shenyang, cn-beijing]
                workloads:
                  - {workload: enterprise-apps, rate: 500/s}
              - name: dalian-enterprises
                location: [38.91, 121.60]
                clients: enterprise
                allowed_regions: [cn-shenyang, cn-beijing]
                workloads:
                  - {workload: enterprise-apps, rate: 200/s}
              - name: harbin-enterprises
                location: [45.80, 126.53]
                clients: enterprise
                allowed_regions: [cn-shenyang, cn-beijing]
                workloads:
                  - {workload: enterprise-apps, rate: 100/s}
              - name: ruifang-yumei-plant
                location: [29.56, 106.55]
                clients: enterprise
                allowed_regions: [cq-ruifang-plant, cn-chengdu]
                workloads:
                  - {workload: casting-inspection, rate: 4320/h}

            routing:
              policy: lowest-latency
              retry: {attempts: 3, backoff: 100 ms}

            variants:
              - name: year-1
                description: A third of the way - about 3,300 Liaoning enterprises on the cloud.
                set:
                  populations.liaoning-enterprises.workloads.0.rate: 167/s
              - name: shenyang-outage
                description: The Shenyang region fails for 10 minutes (minutes 10 to 20) with all 10,000 enterprises on it; Beijing takes over.
                set:
                  failures:
                    - {region: cn-shenyang, at: 10 min, for: 10 min}
              - name: plant-edge-outage
                description: The plant's edge server fails for 10 minutes; inspection falls back to cn-chengdu.
                set:
                  failures:
                    - {zone: cq-ruifang-plant-edge, at: 10 min, for: 10 min}
              - name: inspection-cloud-only
                description: Inspection runs only in cn-chengdu (no plant edge server).
                set:
                  populations.ruifang-yumei-plant.allowed_regions: [cn-chengdu]
              - name: inspection-cloud-only-outage
                description: Inspection only in cn-chengdu, and the region fails for 10 minutes - the line has no inspection.
                set:
                  populations.ruifang-yumei-plant.allowed_regions: [cn-chengdu]
                  failures:
                    - {region: cn-chengdu, at: 10 min, for: 10 min}

            sweep:
              path: populations.liaoning-enterprises.workloads.0.rate
              values: [125/s, 250/s, 375/s, 500/s]
            """#
        ),
        (
            "replay-trace",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: replay-trace
            extends: xunlei-hongkong.yaml
            description: >-
              xunlei-hongkong's boxes, CDN edge and clouds, driven by a recorded arrival trace instead of a
              synthetic rate: traces/hk-video-10min.csv (ten minutes of video requests, 4/s then 8/s, each
              naming its video) replayed in a loop over one hour. Which share do the boxes carry, and how
              does it change when the same trace plays twice as fast? Replace the file with a trace
              converted from your own CDN logs (Simulations/README.md says how).

            report:
              question: >-
                Replaying a recorded request trace, which share of the video do the boxes carry, and what
                happens when the same trace plays twice as fast?
              headline:
                - servedBy/hk-video/shared
                - workload/hk-video/arrived
                - workload/hk-video/startupDelayP50
                - workload/hk-video/rebufferRatio

            sources:
              - seed: 003_fe14300c1b53af24.txt
                figure: "OneThing Cloud (玩客云) launched in Hong Kong on 17 January 2018"
                used_in: extends xunlei-hongkong.yaml (its pool, edge and regions); the trace generator's seed

            assumptions:
              - figure: "the trace: 10 min of video requests, Poisson at 4/s for 5 min then 8/s for 5 min, Zipf(0.8) over the 30,000 videos"
                reason: synthetic (Simulations/traces/generate.py), small enough to ship; stands in for a converted CDN access log
              - figure: "the trace looped over one hour (6 laps of 10 min), starting at 20:00 in the pool's daily churn curve"
                reason: an evening hour, when boxes go offline most, without shipping an hour of rows

            duration: 1 h
            warmup: 0 s
            interval: 5 min

            # The population asks for nothing of its own: every request comes from the trace.
            populations:
              - name: hong-kong
                location: [22.32, 114.17]
                workloads: []

            traces:
              - file: traces/hk-video-10min.csv
                speed: 1
                loop: true
                start: 0 s

            variants:
              - name: trace-2x
                description: The same trace played twice as fast (speed 2) - 8/s then 16/s, each lap 5 minutes.
                set:
                  traces: [{file: traces/hk-video-10min.csv, speed: 2, loop: true}]
            """#
        ),
        (
            "xunlei-hongkong",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: xunlei-hongkong
            description: >-
              Can OneThing Cloud boxes in Hong Kong's homes carry Hong Kong's video demand, and what does
              that change against serving it, as today, from mainland (Shenzhen) and overseas (Singapore)
              data centers? One day of Hong Kong on-demand viewing (episodes and shows) with its evening peak,
              served shared-first: a box that holds the video sends it, else the Hong Kong CDN edge, else the
              Shenzhen cloud. Variants compare cloud only, CDN plus cloud, a latency-driven hybrid, high
              and low box churn, a box density like a mainland city's (a third), boxes paid on the 95th
              percentile instead of credits, and the Shenzhen region failing at the peak. Billed in CNY as
              it is done: provisioned servers, cross-border bandwidth on the 95th percentile, CDN per GB. Demand is a slice (about ten videos a second, 5.5 Gbit/s on average), not all of Hong Kong. Each video is a playback session on the viewer's own line: start-up delay and rebuffering are what the viewer sees.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                Can OneThing Cloud boxes in Hong Kong's homes carry Hong Kong's video demand, and what does
                that change against serving it from mainland and overseas data centers?
              headline:
                - workload/hk-video/startupDelayP50
                - workload/hk-video/startupDelayP99
                - workload/hk-video/rebufferRatio
                - servedBy/hk-video/shared
                - cost/perTBDelivered
                - cost/total
                - sharedPool/hk-onething/payoutPerDevicePerMonth
                - region/cn-shenzhen/egress95th

            sources:
              - seed: 003_fe14300c1b53af24.txt
                figure: "OneThing Cloud (玩客云) launched in Hong Kong on 17 January 2018"
                used_in: shared_pools.hk-onething (the pool and its place)
              - seed: 003_fe14300c1b53af24.txt
                figure: "the box collects idle home bandwidth and storage and uploads them to the shared computing network"
                used_in: shared_pools.hk-onething.uplink, shared_pools.hk-onething.storage
              - seed: 003_fe14300c1b53af24.txt
                figure: "Hong Kong's compute comes mostly from mainland and overseas data centers"
                used_in: regions (cn-shenzhen, ap-singapore; no region in Hong Kong itself)
              - seed: 003_fe14300c1b53af24.txt
                figure: "Hong Kong's idle compute is about 3 times that of a mainland city of the same size"
                used_in: variants.mainland-density (shared_pools.hk-onething.devices divided by 3)
              - seed: 003_fe14300c1b53af24.txt
                figure: "users are rewarded with blockchain credits (链克, LinkToken) for the resources they share"
                used_in: shared_pools.hk-onething.credits_per_gb, cost.credit
              - seed: 003_fe14300c1b53af24.txt
                figure: "shared computing (Xunlei, 2014): many nodes share idle bandwidth; a decentralised, meshed way of producing compute (Forbes)"
                used_in: routing.policy (shared-first)

            assumptions:
              - figure: "20,000 OneThing Cloud boxes in the pool"
                reason: the seed gives no Hong Kong box count; a few tenths of a percent of Hong Kong's ~2.7M households, a plausible first-year uptake
              - figure: "demand of 12 videos/s before the daily curve (10/s on average, 23/s at 21:00; with viewers leaving early, 5.5 Gbit/s on average over the day)"
                reason: the part of Hong Kong's viewing this network carries; it was sized when every video was watched whole (33 Gbps at the peak), and is kept so that runs stay comparable
              - figure: "daily demand curve: low at 04:00 (0.2), evening peak at 21:00 (1.9)"
                reason: typical residential video viewing pattern
              - figure: "30,000 videos (episodes and clips), Zipf 0.8, lognormal sizes (median 150 MB, sigma 0.6, mean about 180 MB, 12 min at 2 Mbps)"
                reason: a Hong Kong on-demand catalogue of drama episodes and shows; popularity exponent typical of video
              - figure: "box lends uplink uniform 4-20 Mbps and storage uniform 100-500 GB"
                reason: a box lends a capped part of a home's uplink (owners set the limit) and of its attached disk
              - figure: "box sessions: online Weibull(0.7, 8 h), offline lognormal(1 h, 1.2); offline gaps up to 3x longer in the evening; 25% behind NAT"
                reason: always-on boxes that still go offline (power, reboots, the owner's own use of the line in the evening); heavy-tailed as measured in P2P systems
              - figure: "cross-border egress to Hong Kong: 50 Gbps from Shenzhen, 20 Gbps from Singapore"
                reason: the share of the links this service may use, sized so that cloud only is loaded (about 65%) but stable at the peak
              - figure: "egress-cut variant: Shenzhen egress at 8 Gbps"
                reason: a what-if, not a measurement - a quarter of the peak demand (33 Gbps), so the link saturates for most of the day; it also keeps the simulator's saturated-link path in the built-in scenarios
              - figure: "Hong Kong CDN edge: 4 nodes, 2 TB cache, 50 Gbps uplink"
                reason: a modest edge presence whose cache is smaller than the catalogue (about 5.4 TB)
              - figure: "measured one-way latencies: Hong Kong to Shenzhen 14 ms, to Singapore 36 ms, edge to Shenzhen 5 ms"
                reason: cross-border traffic takes longer paths than the 30 km distance suggests
              - figure: "currency CNY; 1 USD = 7.2 CNY for the Singapore prices, which are set in USD"
                reason: assumption - the network is run from the mainland and pays in CNY; 7.2 is the order of the 2024-2025 rate
              - figure: "cloud compute provisioned (reserved) at 0.25 CNY per core-hour in Shenzhen, 0.035 USD in Singapore, paid for every core all day whether busy or not"
                reason: assumption - order of magnitude of a monthly subscription of a general-purpose instance (list price of about 0.5 CNY per core-hour on demand, about half on a subscription); the zones are servers bought by the month, so their capacity is paid used or not
              - figure: "Shenzhen to Hong Kong egress bought as cross-border bandwidth at 60 CNY per Mbit/s per month on the 95th percentile of 5-minute samples"
                reason: assumption - carriers and IDCs in China sell bandwidth per Mbit/s-month on the monthly 95th percentile (mainland IDC bandwidth is tens of CNY per Mbit/s-month); cross-border capacity costs more, hence 60
              - figure: "Singapore egress 0.09 USD/GB"
                reason: assumption - order of magnitude of public cloud list prices for internet egress in Asia-Pacific
              - figure: "Hong Kong CDN delivery 0.3 CNY/GB"
                reason: assumption - order of magnitude of CDN per-GB list prices for Hong Kong and Asia-Pacific traffic, higher than the mainland's
              - figure: "1 credit per GB at 0.07 CNY (about 0.01 USD)"
                reason: assumption - the credit value is the shared network's cost per GB served by a box; the seed says boxes are paid in credits (链克) but gives no value
              - figure: "box-billing variant: boxes paid 10 CNY per Mbit/s per month of the pool's 95th-percentile upload rate and 0.0003 CNY per GB-day of storage lent, no credits"
                reason: assumption - shared-compute networks buy home bandwidth the way CDNs buy it, per Mbit/s of the 95th percentile, at a fraction of a data center's price (boxes are cheaper than IDC bandwidth); storage is paid far below cloud storage (about 0.1 CNY per GB-month)
              - figure: "viewers' lines: 75% fibre uniform(100 Mbps, 1 Gbps), 10% DSL or cable uniform(10, 50 Mbps), 15% mobile lognormal(median 30 Mbps, 0.8)"
                reason: assumption - Hong Kong's home broadband is almost all fibre (plans of 100 Mbps to 1 Gbps are the norm); some homes keep older DSL or cable, and some viewing is on 4G/5G phones; the seed gives no line figures
              - figure: "player: 10 s segments, 10 s start-up buffer (one segment), resumes after 10 s, fetches up to 30 s ahead"
                reason: assumption - HLS players fetch 6 to 10 s segments and start after one or two; 10 s (HLS's original segment length) keeps a simulated day to about 50 M events
              - figure: "renditions 800 kbps, 1.2 Mbps and 2 Mbps (480p, 720p and 1080p-class), chosen from the buffer"
                reason: assumption - a typical on-demand ladder for episodes at these sizes; the object sizes are the 2 Mbps rendition's
              - figure: "viewers watch exp(6 min) of a video (cut at its end): about 4.7 of 12 minutes on average"
                reason: assumption - many on-demand viewers leave early (a mean view of well under half a drama episode is common in VOD audience data); the seed gives no viewing times
              - figure: "2 ms request handling per video in a cloud zone, 2 servers x 8 cores per zone"
                reason: a video request is light; capacity is not the bottleneck, the egress is

            duration: 24 h
            interval: 1 h
            seed: 1
            replications: 1
            currency: CNY
            exchange_rates: {USD: 7.2}

            latency:
              measured:
                - between: [hong-kong, cn-shenzhen]
                  latency: 14 ms
                - between: [hong-kong, ap-singapore]
                  latency: 36 ms
                - between: [hk-cdn, cn-shenzhen]
                  latency: 5 ms

            workloads:
              - name: hk-video
                kind: stream
                service: 2 ms
                catalogue: 30k
                zipf: 0.8
                object_size: lognormal(150 MB, 0.6)
                bitrate: 2 Mbps
                playback: {segment: 10 s, startup: 10 s, buffer_ahead: 30 s, watch: "exp(6 min)", ladder: [800 kbps, 1.2 Mbps, 2 Mbps]}

            regions:
              - name: cn-shenzhen
                location: [22.54, 114.06]
                egress: 50 Gbps
                price:
                  provisioned_core_hour: 0.25 CNY/h
                  egress_95th: {mbps: 60 CNY, per: month, percentile: 95}
                zones:
                  - {name: cn-shenzhen-a, servers: 2, cores: 8}
              - name: ap-singapore
                location: [1.35, 103.82]
                egress: 20 Gbps
                price: {provisioned_core_hour: 0.035 USD/h, egress: 0.09 USD/GB}
                zones:
                  - {name: ap-singapore-a, servers: 2, cores: 8}

            edge_sites:
              - name: hk-cdn
                location: [22.28, 114.16]
                region: cn-shenzhen
                origin: cn-shenzhen
                cache: 2 TB
                uplink: 50 Gbps
                nodes: 4
                price: {egress: 0.3 CNY/GB}

            shared_pools:
              - name: hk-onething
                location: [22.32, 114.17]
                region: cn-shenzhen
                devices: 20k
                uplink: uniform(4 Mbps, 20 Mbps)
                storage: uniform(100 GB, 500 GB)
                online: weibull(0.7, 8 h)
                offline: lognormal(1 h, 1.2)
                diurnal: [1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.5, 1.8, 2.5, 3, 3, 3, 2.5, 1.5]
                nat: 25%
                credits_per_gb: 1
                probes: 8

            populations:
              - name: hong-kong
                location: [22.32, 114.17]
                clients: home
                line:
                  - {name: fibre, share: 75%, rate: "uniform(100 Mbps, 1 Gbps)"}
                  - {name: dsl-cable, share: 10%, rate: "uniform(10 Mbps, 50 Mbps)"}
                  - {name: mobile, share: 15%, rate: "lognormal(30 Mbps, 0.8)"}
                workloads:
                  - workload: hk-video
                    rate: 12/s
                    shape: linear
                    diurnal: [0.80, 0.55, 0.35, 0.25, 0.20, 0.20, 0.25, 0.40, 0.55, 0.65, 0.70, 0.75,
                              0.85, 0.85, 0.80, 0.80, 0.85, 0.95, 1.15, 1.45, 1.75, 1.90, 1.75, 1.25]

            routing:
              policy: shared-first
              retry: {attempts: 3, backoff: 200 ms, multiplier: 2, cap: 5 s, jitter: true}

            cost:
              credit: 0.07 CNY

            variants:
              - name: cloud-only
                description: Today's situation per the seed - no boxes, no edge; every video crosses the border from the Shenzhen cloud (Singapore if Shenzhen is down).
                set:
                  shared_pools: []
                  edge_sites: []
              - name: cdn-cloud
                description: The conventional setup - Hong Kong CDN edge in front of the Shenzhen cloud, no boxes.
                set:
                  shared_pools: []
              - name: hybrid
                description: Boxes, edge and cloud together, each request sent where the expected delivery is fastest at the current load.
                set:
                  routing.policy: lowest-latency
              - name: churn-high
                description: Boxes that come and go like PCs and phones - online about 80 min, offline about an hour.
                set:
                  shared_pools.hk-onething.online: weibull(0.5, 40 min)
                  shared_pools.hk-onething.offline: lognormal(30 min, 1.2)
              - name: churn-low
                description: Boxes that almost never leave - online for days, short offline gaps.
                set:
                  shared_pools.hk-onething.online: weibull(0.9, 3 d)
                  shared_pools.hk-onething.offline: lognormal(20 min, 0.8)
              - name: mainland-density
                description: A third of the boxes - the idle capacity of a mainland city of Hong Kong's size, per the seed's 3x figure.
                set:
                  shared_pools.hk-onething.devices: 6667
              - name: egress-cut
                description: Cloud-only with the Shenzhen cross-border egress cut from 50 to 8 Gbit/s (a cable fault or a carrier's cap) - every video shares one saturated link at the evening peak.
                set:
                  shared_pools: []
                  edge_sites: []
                  regions.cn-shenzhen.egress: 8 Gbps
              - name: box-billing
                description: Boxes paid the way shared-compute networks buy home bandwidth - per Mbit/s of the pool's 95th-percentile upload rate, and per GB-day of storage lent - instead of credits per GB.
                set:
                  shared_pools.hk-onething.price: {bandwidth_95th: {mbps: 10 CNY, per: month}, storage_gb_day: 0.0003 CNY}
                  cost.credit: 0 CNY
              - name: shenzhen-outage
                description: The Shenzhen region fails from 20:00 to 21:00, at the evening peak - its zone and its egress (so the edge cannot fetch misses either); Singapore takes what the boxes and the edge cache cannot.
                set:
                  failures:
                    - {region: cn-shenzhen, at: 20 h, for: 1 h}
                    - {link: cn-shenzhen.egress, at: 20 h, for: 1 h}
            """#
        ),
        (
            "xunlei-xingyu-cdn",
            #"""
            # yaml-language-server: $schema=scenario.schema.json
            name: xunlei-xingyu-cdn
            description: >-
              How many home devices does a nationwide "infinite node" CDN need, and what does each earn?
              Xingyu CDN's shared network of Zhuanqianbao/OneThing devices delivers short videos for a
              Kuaishou-like app and app and system updates for a Xiaomi-like customer across China during
              the evening peak, falling back to cloud regions (Shenzhen, Beijing, Shanghai) when no device
              holds an object. The sweep runs the pool from 10,000 to 200,000 devices against the same
              demand: delivery share, stalls, latency and credits per device. Variants: cloud only, fewer
              probes per request, heavy NAT, high churn.

            # What every report of this scenario leads with: the question, and the figures that answer it
            # (named as in the CSV and JSON reports: section/subject/metric).
            report:
              question: >-
                How many home devices does a nationwide infinite-node CDN need, and what does each earn?
              headline:
                - servedBy/kuaishou-short-video/shared
                - servedBy/xiaomi-updates/shared
                - workload/kuaishou-short-video/startupDelayP50
                - workload/kuaishou-short-video/rebufferRatio
                - sharedPool/infinite-node/credits
                - cost/perTBDelivered

            sources:
              - seed: 003_fe14300c1b53af24.txt
                figure: "2015: the first 2C and 2B shared-computing products, Zhuanqianbao (赚钱宝) and Xingyu CDN (星域CDN), built a large 'infinite node' network"
                used_in: shared_pools.infinite-node
              - seed: 003_fe14300c1b53af24.txt
                figure: "the infinite-node resources were supplied to Xiaomi, Kuaishou and other companies"
                used_in: workloads (kuaishou-short-video, xiaomi-updates)
              - seed: 003_fe14300c1b53af24.txt
                figure: "shared computing, created by Xunlei in 2014: many nodes share idle bandwidth"
                used_in: routing.policy (shared-first), shared_pools.infinite-node.uplink
              - seed: 003_fe14300c1b53af24.txt
                figure: "OneThing Cloud on sale from September 2017, 33 million+ pre-registered users"
                used_in: sweep (the device counts swept are a small slice of that scale)
              - seed: 003_fe14300c1b53af24.txt
                figure: "users are paid in blockchain credits (链克) for shared resources"
                used_in: shared_pools.infinite-node.credits_per_gb, cost.credit
              - seed: 003_fe14300c1b53af24.txt
                figure: "US$100M invested in shared computing 2014-2018"
                used_in: description (context only)

            assumptions:
              - figure: "viewers' lines: half on 4G (lognormal, median 30 Mbps, sigma 0.8), half on 5G (median 200 Mbps, sigma 0.6)"
                reason: assumption - short video is watched on phones; China's 5G users passed half of its mobile users around 2023, and measured median downlinks are tens of Mbps on 4G and a few hundred on 5G; the seed gives no line figures
              - figure: "one national pool of 50,000 devices at the centre of China (Wuhan) by default, swept from 10,000 to 200,000"
                reason: the seed gives no device count for Xingyu; one pool keeps the sweep to one path (the model places a pool at one point)
              - figure: "device uplink uniform 2-10 Mbps, storage uniform 50-250 GB, 30% behind NAT"
                reason: Chinese home broadband around 2017 had modest uplinks; many homes sit behind carrier NAT
              - figure: "device sessions online Weibull(0.7, 12 h), offline lognormal(2 h, 1.0)"
                reason: always-on boxes with power cuts and reboots; heavy-tailed sessions as in P2P measurements
              - figure: "short video: 300/s, 200,000 clips, Zipf 0.9, lognormal(6 MB, 0.7), 1.5 Mbps"
                reason: short clips of 30-60 s; a slice of the evening peak
              - figure: "updates: 20/s, 5,000 packages, Zipf 1.0, lognormal(40 MB, 1.0), objective 60 s"
                reason: app and firmware packages, very skewed popularity
              - figure: "population shares: Guangdong 22%, Beijing 15%, Shanghai 15%, Sichuan 12%, Hubei 12%, Shaanxi 10%, Liaoning 14%"
                reason: the big internet provinces
              - figure: "cloud fallback: 3 regions, 20 Gbps egress each, 0.08 USD/GB; 1 credit per GB at 0.01 USD"
                reason: list-price order of magnitude; the credit is the network's payout per GB
              - figure: "30 minutes of the evening peak after a 2-minute warm-up, 3 attempts per request"
                reason: the busy hour is where device capacity matters; runs in seconds

            duration: 30 min
            warmup: 2 min
            interval: 1 min
            seed: 2015

            workloads:
              - name: kuaishou-short-video
                kind: stream
                catalogue: 200k
                zipf: 0.9
                object_size: lognormal(6 MB, 0.7)
                bitrate: 1.5 Mbps
                service: 2 ms
              - name: xiaomi-updates
                kind: download
                catalogue: 5k
                zipf: 1.0
                object_size: lognormal(40 MB, 1.0)
                service: 2 ms
                slo: 60 s

            regions:
              - name: cn-shenzhen
                location: [22.54, 114.06]
                egress: 20 Gbps
                price: {core_hour: 0.05 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 2, cores: 8}
              - name: cn-beijing
                location: [39.90, 116.40]
                egress: 20 Gbps
                price: {core_hour: 0.05 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 2, cores: 8}
              - name: cn-shanghai
                location: [31.23, 121.47]
                egress: 20 Gbps
                price: {core_hour: 0.05 USD/h, egress: 0.08 USD/GB}
                zones: {count: 1, servers: 2, cores: 8}

            shared_pools:
              - name: infinite-node
                location: [30.59, 114.31]
                region: cn-shenzhen
                devices: 50k
                uplink: uniform(2 Mbps, 10 Mbps)
                storage: uniform(50 GB, 250 GB)
                online: weibull(0.7, 12 h)
                offline: lognormal(2 h, 1.0)
                nat: 30%
                credits_per_gb: 1
                probes: 8

            populations:
              - name: guangdong
                location: [23.13, 113.26]
                clients: mobile
                line: &phones
                  - {name: 4g, share: 50%, rate: "lognormal(30 Mbps, 0.8)"}
                  - {name: 5g, share: 50%, rate: "lognormal(200 Mbps, 0.6)"}
                workloads:
                  - {workload: kuaishou-short-video, rate: 66/s}
                  - {workload: xiaomi-updates, rate: 4.4/s}
              - name: beijing
                location: [39.90, 116.40]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 45/s}
                  - {workload: xiaomi-updates, rate: 3/s}
              - name: shanghai
                location: [31.23, 121.47]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 45/s}
                  - {workload: xiaomi-updates, rate: 3/s}
              - name: sichuan
                location: [30.57, 104.07]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 36/s}
                  - {workload: xiaomi-updates, rate: 2.4/s}
              - name: hubei
                location: [30.59, 114.31]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 36/s}
                  - {workload: xiaomi-updates, rate: 2.4/s}
              - name: shaanxi
                location: [34.34, 108.94]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 30/s}
                  - {workload: xiaomi-updates, rate: 2/s}
              - name: liaoning
                location: [41.80, 123.43]
                clients: mobile
                line: *phones
                workloads:
                  - {workload: kuaishou-short-video, rate: 42/s}
                  - {workload: xiaomi-updates, rate: 2.8/s}

            routing:
              policy: shared-first
              retry: {attempts: 3, backoff: 200 ms}

            cost:
              credit: 0.01 USD

            variants:
              - name: cloud-only
                description: No shared devices - the cloud regions deliver everything (what Kuaishou and Xiaomi would buy otherwise).
                set:
                  shared_pools: []
              - name: few-probes
                description: The scheduler asks only 2 devices per request before falling back to the cloud (a cheaper, less thorough lookup).
                set:
                  shared_pools.infinite-node.probes: 2
              - name: heavy-nat
                description: 60% of devices behind NAT that cannot be reached (a carrier-grade NAT rollout).
                set:
                  shared_pools.infinite-node.nat: 60%
              - name: high-churn
                description: Devices that come and go like PCs - online about an hour, offline about an hour.
                set:
                  shared_pools.infinite-node.online: weibull(0.6, 40 min)
                  shared_pools.infinite-node.offline: lognormal(40 min, 1.0)

            sweep:
              path: shared_pools.infinite-node.devices
              values: [10k, 20k, 50k, 100k, 200k]
            """#
        ),
    ]
}
