# Writes OUT (a C++ source) with every shader in DIR as a string, so that the program needs
# no shader files at run time: render::shader_source("fill.vert").
file(GLOB files RELATIVE ${DIR} ${DIR}/*.vert ${DIR}/*.frag)
list(SORT files)
set(body "// Generated from shaders/ by shaders/embed_shaders.cmake; do not edit.\n#include <cstring>\n#include <stdexcept>\n#include <string>\nnamespace render {\nconst char* shader_source(const std::string& name)\n{\n")
foreach(f ${files})
  file(READ ${DIR}/${f} text)
  string(APPEND body "    if (name == \"${f}\") return R\"glsl(${text})glsl\";\n")
endforeach()
string(APPEND body "    throw std::runtime_error(\"no shader named \" + name);\n}\n}  // namespace render\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
