#!/usr/bin/env python3
"""Writes a Web Mercator GeoTIFF over Chongqing (lon 103-111, lat 27-33): lavender land
(#b48cd2) crossed by white lines every 20 pixels, for the basemap screenshot test.
Usage: make_basemap_tiles.py OUT.tif"""
import math
import sys

import numpy as np
from osgeo import gdal, osr

R = 6378137.0


def mercator(lon, lat):
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


x0, y1 = mercator(103, 27)
x1, y0 = mercator(111, 33)
w = 1000
h = int(w * (y0 - y1) / (x1 - x0))
ds = gdal.GetDriverByName("GTiff").Create(sys.argv[1], w, h, 3, gdal.GDT_Byte)
ds.SetGeoTransform([x0, (x1 - x0) / w, 0, y0, 0, -(y0 - y1) / h])
srs = osr.SpatialReference()
srs.ImportFromEPSG(3857)
ds.SetProjection(srs.ExportToWkt())
yy, xx = np.mgrid[0:h, 0:w]
lines = ((xx % 20) < 2) | ((yy % 20) < 2)
for band, value in enumerate((0xB4, 0x8C, 0xD2)):
    a = np.full((h, w), value, np.uint8)
    a[lines] = 255
    ds.GetRasterBand(band + 1).WriteArray(a)
ds = None
