# tests.cmake: registers every test with CTest.
#  - tests/unit/<stage>/test_*.c: one executable per file, on tests/harness.h,
#    linked to the static library (so internal headers under src/ are usable).
#  - tests/cli/*.sh, tests/export/*.sh, tests/rules/*.sh ...: shell tests run
#    with bash; they get the CLI path in $ACTORNET, the source dir in $SRCDIR
#    and a scratch dir in $TMPDIR. Exit 77 means skipped (e.g. ../shared absent).
file(GLOB_RECURSE AN_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${AN_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  get_filename_component(dir ${src} DIRECTORY)
  get_filename_component(stage ${dir} NAME)
  set(target unit_${stage}_${name})
  add_executable(${target} ${src})
  target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests)
  target_compile_definitions(${target} PRIVATE AN_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                             AN_DATA_SOURCE_DIR="${CMAKE_SOURCE_DIR}/data")
  target_link_libraries(${target} PRIVATE actornet_static)
  add_test(NAME ${stage}/${name} COMMAND ${target})
  set_tests_properties(${stage}/${name} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endforeach()

# The shared corpora/gold: ../shared of the checkout unless configured otherwise
# (-DAN_SHARED_DIR=... or $SHARED when cmake first runs), e.g. from a git worktree.
if(DEFINED ENV{SHARED} AND NOT "$ENV{SHARED}" STREQUAL "")
  set(AN_SHARED_DEFAULT "$ENV{SHARED}")
else()
  set(AN_SHARED_DEFAULT "${CMAKE_SOURCE_DIR}/../shared")
endif()
set(AN_SHARED_DIR "${AN_SHARED_DEFAULT}" CACHE PATH "shared corpora and gold used by the quality tests")

file(GLOB_RECURSE AN_SHELL_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/*/test_*.sh)
foreach(script ${AN_SHELL_TESTS})
  get_filename_component(name ${script} NAME_WE)
  get_filename_component(dir ${script} DIRECTORY)
  get_filename_component(group ${dir} NAME)
  add_test(NAME ${group}/${name} COMMAND bash ${script})
  set_tests_properties(${group}/${name} PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "ACTORNET=$<TARGET_FILE:actornet>;SRCDIR=${CMAKE_SOURCE_DIR};BUILDDIR=${CMAKE_BINARY_DIR};SHARED=${AN_SHARED_DIR}")
endforeach()
include(${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz.cmake)
