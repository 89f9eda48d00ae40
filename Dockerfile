# Scrutiny in a container (docs/operations.md, "Deploy"). Not built on the machine this was written
# on (no container engine there): the jar stage is what ./mvnw package runs and was tested; the rest
# is to be checked with `docker build .` where an engine runs.
#
#   docker build -t scrutiny .
#   docker run -p 8080:8080 -v scrutiny-data:/data scrutiny
#
# Build: the Maven reactor with the wrapper, tests left to CI.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY matching matching
COPY lists lists
COPY app app
COPY benchmarks benchmarks
RUN ./mvnw -B -q -DskipTests package && cp app/target/scrutiny-exec.jar /scrutiny.jar

# Run: a JRE, an unprivileged user, the data directory a volume; fonts for the PDF reports (Latin,
# Cyrillic, Arabic: DejaVu; Chinese, Japanese, Korean: Droid Sans Fallback), which print with the host's.
FROM eclipse-temurin:21-jre
RUN groupadd --system scrutiny && useradd --system --gid scrutiny --home-dir /data --shell /usr/sbin/nologin scrutiny \
    && mkdir -p /data && chown scrutiny:scrutiny /data \
    && apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core fonts-droid-fallback \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /scrutiny.jar /opt/scrutiny/scrutiny.jar
USER scrutiny
VOLUME /data
EXPOSE 8080
# Settings come from the environment only (docs/operations.md, "Settings"): SPRING_DATASOURCE_URL for
# PostgreSQL, SCRUTINY_LOG_JSON=true for JSON lines, and so on.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75" SCRUTINY_LOG_JSON=true
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1
# exec form through sh so that JAVA_OPTS applies and java is PID 1's child that gets SIGTERM
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/scrutiny/scrutiny.jar --data /data serve --address 0.0.0.0 --port 8080"]
