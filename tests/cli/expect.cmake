# Runs one command and checks how it ended, for CLI tests through CTest.
#   cmake -DEXPECT=ok|fail|usage -DREGEX=... [-DNOT_REGEX=...] -DCMD="a::b::c" -P expect.cmake
# ok: exit 0; fail: exit 1 (a clear error, not a crash); usage: exit 2. The combined output
# must match REGEX (and must not match NOT_REGEX).
string(REPLACE "::" ";" CMD "${CMD}")
execute_process(COMMAND ${CMD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(EXPECT STREQUAL "ok")
  set(want 0)
elseif(EXPECT STREQUAL "fail")
  set(want 1)
else()
  set(want 2)
endif()
if(NOT rc STREQUAL "${want}")
  message(FATAL_ERROR "expected exit ${want}, got '${rc}' (a crash shows as text)\n${all}")
endif()
if(NOT all MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match '${REGEX}':\n${all}")
endif()
if(DEFINED NOT_REGEX AND all MATCHES "${NOT_REGEX}")
  message(FATAL_ERROR "output matches '${NOT_REGEX}' but must not:\n${all}")
endif()
