# Writes the shell completion scripts by running the built kosh: `kosh completions SHELL` prints
# each from the options kosh really has. Run by CMakeLists.txt as
#   cmake -DKOSH=<kosh binary> -DOUTPUT_DIR=<folder> -P write_completions.cmake
foreach(shell_and_file "bash:kosh" "zsh:_kosh" "fish:kosh.fish")
  string(REPLACE ":" ";" parts "${shell_and_file}")
  list(GET parts 0 shell)
  list(GET parts 1 file)
  execute_process(COMMAND "${KOSH}" completions ${shell}
                  OUTPUT_FILE "${OUTPUT_DIR}/${shell}/${file}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "'kosh completions ${shell}' failed: ${status}")
  endif()
endforeach()
