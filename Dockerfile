# syntax=docker/dockerfile:1
# The service as a container: built with the Maven wrapper, run from Spring Boot's layers (dependencies change
# rarely, the application often, so a rebuild ships only the last layer) on a JRE as a user that is not root.
# Its database is the PostgreSQL named by SPRING_DATASOURCE_URL (compose.yaml); without one it starts the
# embedded PostgreSQL the jar carries, with its data in /app/.data (a volume). Settings: docs/operations.md.

FROM eclipse-temurin:21-jdk AS build
# curl: the wrapper downloads Maven with it (newer Temurin images no longer ship it)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/orgs-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
# curl: the health check's
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin getpaidx \
 && mkdir -p /app/.data && chown getpaidx /app/.data
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
VOLUME /app/.data
# Inside a container the service must listen on every interface to be reached through a published port.
ENV GETPAIDX_BIND_ADDRESS=0.0.0.0
# The management port (health, Prometheus) too, for a scraper in the container's network; publish it privately.
ENV GETPAIDX_MANAGEMENT_BIND_ADDRESS=0.0.0.0
EXPOSE 8080 8081
# Readiness on the management port; the service port answers /readyz as well.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
