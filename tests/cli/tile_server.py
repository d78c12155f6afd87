#!/usr/bin/env python3
"""A throwaway tile server for the basemap tests: serves FOLDER on 127.0.0.1 (a free port,
written to PORT_FILE), logs every request's path and query to LOG, and answers
/WMTSCapabilities.xml with a WMTS capabilities document of one layer ("land", the
GoogleMapsCompatible tile matrix set, levels 0 to MAX_ZOOM) whose tiles are FOLDER's
tiles/{z}/{x}/{y}.png (with a query, as Tianditu's KVP URLs have). Usage: tile_server.py FOLDER PORT_FILE LOG MAX_ZOOM"""
import http.server
import os
import sys

folder, port_file, log_file, max_zoom = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def capabilities(port):
    matrices = []
    for z in range(max_zoom + 1):
        n = 2 ** z
        matrices.append(
            f"<TileMatrix><ows:Identifier>{z}</ows:Identifier><ScaleDenominator>{559082264.0287178 / n}</ScaleDenominator>"
            "<TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>"
            f"<MatrixWidth>{n}</MatrixWidth><MatrixHeight>{n}</MatrixHeight></TileMatrix>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
<Contents>
<Layer><ows:Identifier>land</ows:Identifier><Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
<Format>image/png</Format><TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
<ResourceURL format="image/png" resourceType="tile" template="http://127.0.0.1:{port}/tiles/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.png?service=wmts"/>
</Layer>
<TileMatrixSet><ows:Identifier>GoogleMapsCompatible</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>
{''.join(matrices)}
</TileMatrixSet>
</Contents>
</Capabilities>"""


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=folder, **kwargs)

    def do_GET(self):
        with open(log_file, "a") as log:
            log.write(self.path + "\n")
        if self.path.split("?")[0] == "/WMTSCapabilities.xml":
            body = capabilities(self.server.server_address[1]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
