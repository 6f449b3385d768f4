# fuzz.cmake: the libFuzzer harnesses in tests/fuzz/fuzz_<name>.c.
#  - Always: fuzz_<name>_replay, the harness with tests/fuzz/standalone.c's
#    main(), built by the normal compiler and registered in CTest as
#    fuzz/replay_<name> over tests/fuzz/corpus/<name>/ (seeds and fixed
#    crashers stay regression tests; style.md P4).
#  - With -DAN_FUZZ=ON (clang only): fuzz_<name>, linked with libFuzzer, and
#    the library instrumented with -fsanitize=fuzzer-no-link,address,undefined.
#    scripts/fuzz.sh configures build-fuzz/ this way and runs them.
# Included from tests/tests.cmake, after the library targets exist.
option(AN_FUZZ "Build libFuzzer harnesses (clang)" OFF)

set(AN_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                       -fno-omit-frame-pointer)
if(AN_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "AN_FUZZ=ON needs clang (CC=clang cmake ...)")
  endif()
  # Coverage instrumentation for libFuzzer in the library itself; its
  # consumers (CLI, unit tests) then need the sanitizer runtimes too.
  target_compile_options(actornet_objs PRIVATE -fsanitize=fuzzer-no-link ${AN_FUZZ_SANITIZERS})
  target_link_options(actornet_static INTERFACE -fsanitize=address,undefined)
  target_link_options(actornet_shared PRIVATE -fsanitize=address,undefined)
  target_link_options(actornet PRIVATE -fsanitize=address,undefined)
endif()

file(GLOB AN_FUZZ_HARNESSES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
set(AN_FUZZ_NAMES "")
foreach(src ${AN_FUZZ_HARNESSES})
  get_filename_component(target ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name ${target})
  # "fuzz-requires: src/io ..." in a harness: skip it until those exist.
  file(STRINGS ${src} req REGEX "fuzz-requires:" LIMIT_COUNT 1)
  set(missing OFF)
  if(req)
    string(REGEX REPLACE ".*fuzz-requires:[ ]*" "" req "${req}")
    string(REPLACE " " ";" req "${req}")
    foreach(dir ${req})
      file(GLOB have ${CMAKE_SOURCE_DIR}/${dir}/*.c)
      if(NOT have)
        set(missing ON)
      endif()
    endforeach()
  endif()
  if(missing)
    continue()
  endif()
  list(APPEND AN_FUZZ_NAMES ${name})
  set(libs actornet_static PkgConfig::CJSON PkgConfig::LIBXML2 PkgConfig::GV)

  add_executable(${target}_replay ${src} ${CMAKE_SOURCE_DIR}/tests/fuzz/standalone.c)
  target_include_directories(${target}_replay PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests/fuzz)
  target_compile_definitions(${target}_replay PRIVATE AN_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                             AN_DATA_SOURCE_DIR="${CMAKE_SOURCE_DIR}/data")
  target_link_libraries(${target}_replay PRIVATE ${libs})
  add_test(NAME fuzz/replay_${name}
           COMMAND ${target}_replay ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name})
  set_tests_properties(fuzz/replay_${name} PROPERTIES TIMEOUT 300
    ENVIRONMENT "AN_FUZZ_TMP=${CMAKE_BINARY_DIR}/fuzz-tmp")

  if(AN_FUZZ)
    add_executable(${target} ${src})
    target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests/fuzz)
    target_compile_definitions(${target} PRIVATE AN_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                               AN_DATA_SOURCE_DIR="${CMAKE_SOURCE_DIR}/data")
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer ${AN_FUZZ_SANITIZERS})
    target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${target} PRIVATE ${libs})
  endif()
endforeach()
if(AN_FUZZ)
  list(TRANSFORM AN_FUZZ_NAMES PREPEND fuzz_ OUTPUT_VARIABLE AN_FUZZ_TARGETS)
  add_custom_target(fuzzers DEPENDS ${AN_FUZZ_TARGETS})
endif()
