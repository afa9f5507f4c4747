#!/usr/bin/env python3
"""pyproj's vectorised Geod.inv over a file of 'lat1 lon1 lat2 lon2' lines, output written: the benchmark's peer.

Usage: pyproj_inverse.py PAIRS.txt OUT.txt
"""
import sys
import numpy as np
from pyproj import Geod

data = np.fromfile(sys.argv[1], sep=' ').reshape(-1, 4)
azimuth1, azimuth2, distance = Geod(ellps='WGS84').inv(data[:, 1], data[:, 0], data[:, 3], data[:, 2])
# pyproj gives the back azimuth; the forward azimuth at the end is that ± 180°, as routemap and GeodSolve write it.
final = np.where(azimuth2 > 0, azimuth2 - 180, azimuth2 + 180)
np.savetxt(sys.argv[2], np.column_stack([distance, azimuth1, final]), fmt=['%.4f', '%.9f', '%.9f'])
