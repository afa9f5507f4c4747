import Gazetteer
import RouteMap
import Waterways

/// The leg drawer `route` and `export` use: water legs on the network compiled into routemap,
/// mapped from the cache folder the gazetteer index uses (`$ROUTEMAP_CACHE`), built there on first use.
func waterLegDrawer() throws(RouteMapError) -> LegDrawer {
    do {
        let network = try WaterNetwork.embedded(cacheDirectory: GazetteerIndexCache().directory) { reason in
            Terminal.error("warning: \(reason) (the water network is built in memory on each run until it can be kept; set \(GazetteerIndexCache.environmentVariable) to a writable folder)")
        }
        return LegDrawer(network: network)
    } catch {
        throw .badWaterNetwork(error)
    }
}
