# Shared by the bench scripts; source it from the repository root.

# A JDK 21 or newer: JAVA_HOME when set, else the Temurin ones these machines have.
if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break
  done
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Netty stops using sun.misc.Unsafe on Java 25 and newer unless the JVM allows it, and then writes
# every string to a direct buffer a character at a time (8 % of the accounting consumer's CPU). The
# option exists from Java 23; production runs set it the same way (docs/configuration.md).
java_opts=()
java_version=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ ${java_version:-0} -ge 23 ]]; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

# test_classpath MODULE: compiles the module and what it depends on, and prints its test classpath
# (test classes, classes and test-scope dependencies) for running a benchmark class.
test_classpath() {
  local module=$1
  local file="$PWD/$module/target/bench.classpath"
  # Every module of the reactor writes the file; the module asked for comes last.
  ./mvnw -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$file" >/dev/null
  echo "$module/target/test-classes:$module/target/classes:$(cat "$file")"
}
