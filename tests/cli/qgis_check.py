#!/usr/bin/python3
"""QGIS itself (headless, Debian's python3-qgis) opens what parkcap exported and reports the
style parkcap drew: a categorised renderer on 产业集群 with the map's categories and colours,
from a GeoPackage's layer_styles table and from the .qml beside a Shapefile.

    qgis_check.py FILE.gpkg|FILE.shp LAYER FIELD N_CATEGORIES FIRST_VALUE R,G,B
Exit 0 and "PASS" when QGIS agrees, 1 with the difference, 77 when QGIS is not installed."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import QgsApplication, QgsVectorLayer
except ImportError:
    print("SKIP: QGIS's Python (python3-qgis) is not installed")
    sys.exit(77)

path, layer, field, n, first, rgb = sys.argv[1:7]
app = QgsApplication([], False)
app.initQgis()
uri = f"{path}|layername={layer}" if path.endswith(".gpkg") else path
v = QgsVectorLayer(uri, layer, "ogr")
if not v.isValid():
    print(f"FAIL: QGIS cannot open {uri}")
    sys.exit(1)
if path.endswith(".gpkg"):
    # A GeoPackage's default style is applied when the layer is loaded through the provider's
    # style database (as the QGIS desktop does).
    message, ok = v.loadDefaultStyle()
    if not ok:
        print(f"FAIL: QGIS loaded no default style: {message}")
        sys.exit(1)
r = v.renderer()
if r.type() != "categorizedSymbol":
    print(f"FAIL: QGIS's renderer is {r.type()}, not categorizedSymbol")
    sys.exit(1)
cats = r.categories()
c = cats[0].symbol().color()
got = (r.classAttribute(), len(cats), cats[0].value(), f"{c.red()},{c.green()},{c.blue()}")
want = (field, int(n), first, rgb)
if got != want:
    print(f"FAIL: QGIS reports {got}, parkcap drew {want}", flush=True)
    os._exit(1)
print(f"PASS: QGIS {r.type()} on {got[0]}: {got[1]} categories, first {got[2]} in {got[3]}", flush=True)
os._exit(0)  # QGIS 3.22's teardown can crash in a headless process; the check is done
