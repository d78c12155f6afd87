#include "geo/synth/demo_catalogue.h"

namespace geo {

const std::vector<DemoCluster>& demo_clusters()
{
    static const std::vector<DemoCluster> list = {
        {"汽车摩托车", "Automobiles and motorcycles", {"37", "36", "34", "29", "30"}, {"汽车零部件", "摩托车", "汽车部件", "车桥", "传动", "汽车电子"}, 75, 120},
        {"电子信息", "Electronic information", {"40", "39", "41"}, {"电子", "光电", "微电子", "智能终端", "显示", "半导体"}, 45, 150},
        {"装备制造", "Equipment manufacturing", {"35", "36", "34", "39"}, {"机械", "装备", "精密机械", "数控", "重工", "机电"}, 85, 95},
        {"生物医药", "Biomedicine", {"27", "41"}, {"生物", "医药", "制药", "医疗器械", "药业", "生物科技"}, 70, 160},
        {"新材料", "New materials", {"31", "33", "26", "28", "30"}, {"新材料", "铝业", "玻纤", "复合材料", "特种材料", "金属材料"}, 110, 130},
        {"化工", "Chemicals", {"26", "28", "29"}, {"化工", "天然气化工", "精细化工", "化学", "新能源材料", "石化"}, 140, 180},
        {"消费品", "Consumer goods", {"13", "14", "15", "18", "19", "21", "24"}, {"食品", "服饰", "陶瓷", "家居", "调味品", "饮品"}, 60, 70},
        {"软件信息服务", "Software and IT services", {"62", "61"}, {"软件", "信息技术", "数据", "网络科技", "数字科技", "云计算"}, 25, 60},
    };
    return list;
}

const std::vector<DemoPark>& demo_parks()
{
    // Clusters: 0 auto, 1 electronics, 2 equipment, 3 biomedicine, 4 materials, 5 chemicals,
    // 6 consumer goods, 7 software.
    static const std::vector<DemoPark> list = {
        {"两江新区鱼复工业园", "Liangjiang Yufu Industrial Park", "CQ-LJ-YF", 106.80, 29.66, 2.6, 2.0, {0, 2}, false, true},
        {"两江新区水土高新园", "Liangjiang Shuitu Hi-tech Park", "CQ-LJ-ST", 106.49, 29.77, 2.2, 2.5, {1, 3, 7}, true, false},
        {"西永微电子产业园", "Xiyong Microelectronics Industrial Park", "CQ-XY", 106.31, 29.60, 2.4, 2.5, {1, 7}, false, false},
        {"重庆经济技术开发区", "Chongqing Economic and Technological Development Zone", "CQ-ETDZ", 106.62, 29.49, 2.3, 2.0, {1, 2, 0}, false, false},
        {"重庆高新区", "Chongqing Hi-tech Industrial Development Zone", "CQ-HTZ", 106.43, 29.51, 2.0, 2.5, {1, 3, 4}, true, false},
        {"长寿经济技术开发区", "Changshou Economic and Technological Development Zone", "CQ-CS", 107.00, 29.80, 3.0, 1.2, {5, 4, 2}, false, false},
        {"璧山高新区", "Bishan Hi-tech Zone", "CQ-BS", 106.22, 29.57, 2.1, 2.0, {0, 1, 2}, false, false},
        {"永川高新区", "Yongchuan Hi-tech Zone", "CQ-YC", 105.93, 29.37, 2.2, 1.8, {2, 0, 1}, false, false},
        {"荣昌高新区", "Rongchang Hi-tech Zone", "CQ-RC", 105.56, 29.42, 1.8, 1.6, {6, 3}, false, false},
        {"涪陵高新区", "Fuling Hi-tech Zone", "CQ-FL", 107.30, 29.72, 2.5, 1.5, {4, 5, 3}, true, false},
        {"大足高新区", "Dazu Hi-tech Zone", "CQ-DZ", 105.76, 29.68, 1.7, 1.6, {2, 6, 4}, false, false},
        {"铜梁高新区", "Tongliang Hi-tech Zone", "CQ-TL", 106.04, 29.82, 1.8, 1.6, {4, 2, 6}, false, false},
        {"江津德感工业园", "Jiangjin Degan Industrial Park", "CQ-JJ", 106.21, 29.30, 1.9, 1.8, {2, 6, 0}, false, true},
        {"合川高新区", "Hechuan Hi-tech Zone", "CQ-HC", 106.30, 29.98, 1.8, 1.8, {2, 4, 3}, false, false},
        {"万州经济技术开发区", "Wanzhou Economic and Technological Development Zone", "CQ-WZ", 108.36, 30.76, 2.2, 1.5, {4, 5, 6}, false, false},
    };
    return list;
}

const std::vector<DemoTier>& demo_tiers()
{
    static const std::vector<DemoTier> list = {
        {"", 0.72, 22},
        {"科技型中小企业", 0.15, 45},
        {"高新技术企业", 0.08, 120},
        {"专精特新中小企业", 0.035, 180},
        {"专精特新“小巨人”企业", 0.012, 420},
        {"上市企业", 0.003, 1800},
    };
    return list;
}

const std::vector<DemoFacilityType>& demo_facility_types()
{
    static const std::vector<DemoFacilityType> list = {
        {"公交站点", 1.6, 0, 0},
        {"食堂/便利店", 0.7, 80, 600},
        {"宿舍/人才公寓", 0.35, 200, 1500},
        {"园区服务中心/邻里中心", 0.08, 0, 0},
        {"卫生服务站", 0.15, 0, 0},
        {"托育/幼儿园", 0.1, 60, 240},
    };
    return list;
}

}  // namespace geo
