#!/bin/sh
# Builds the example against one python: ./build.sh /opt/anaconda2/bin/python
#   build/lib/libvecmath.so.1   the C++ library (SONAME libvecmath.so.1)
#   build/_vecmath<suffix>.so   the extension, linked to it with an $ORIGIN/lib RPATH
set -eu
PYTHON="${1:-python3}"
cd "$(dirname "$0")"
CXX="${CXX:-g++}"
INCLUDE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
SUFFIX=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX") or sysconfig.get_config_var("SO"))')
rm -rf build
mkdir -p build/lib
echo "building vecmath for $PYTHON (headers $INCLUDE, suffix $SUFFIX)"
$CXX -O2 -fPIC -shared -Iinclude -Wl,-soname,libvecmath.so.1 -o build/lib/libvecmath.so.1 src/vecmath.cpp
ln -sf libvecmath.so.1 build/lib/libvecmath.so
$CXX -O2 -fPIC -shared -Wno-register -Iinclude -I"$INCLUDE" ext/vecmath_module.cpp \
  -Lbuild/lib -lvecmath -Wl,-rpath,'$ORIGIN/lib' -o "build/_vecmath$SUFFIX"
