#include "geo/io/ogr_layer_copy.h"

#include "geo/io/feature_collector.h"

namespace geo {

Layer layer_from_ogr(OGRLayer& ogr, const std::string& name)
{
    Layer layer;
    layer.name = name;
    layer.source = "(computed)";
    OGRFeatureDefn& defn = *ogr.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn& fd = *defn.GetFieldDefn(i);
        const FieldType t = fd.GetType() == OFTReal ? FieldType::Real
                            : (fd.GetType() == OFTInteger || fd.GetType() == OFTInteger64) ? FieldType::Integer
                                                                                             : FieldType::String;
        layer.columns.emplace_back(fd.GetNameRef(), t);
    }
    FeatureCollector collector(layer, kind_of(ogr.GetGeomType()), std::nullopt, "CP936", false);
    collect_with_feature_loop(ogr, collector, {});
    collector.finish();
    return layer;
}

}  // namespace geo
