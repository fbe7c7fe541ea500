# syntax=docker/dockerfile:1.7
# One image per service: docker build --build-arg SERVICE=catalog -t mercato-catalog .
# Multi-stage: build everything with dev dependencies, then keep only production dependencies,
# the compiled output, the protos and the topology files (every service loads services/*/service.yaml
# at start), owned by root and read-only for the non-root user that runs it.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# The whole context (.dockerignore keeps it small); the npm cache mount keeps re-installs fast.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npx tsc -b
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<name> (a folder under services/)" >&2; exit 1)
RUN test -f "services/$SERVICE/dist/main.js" || (echo "services/$SERVICE has no src/main.ts yet" >&2; exit 1)
# Production dependencies only; drop sources, tests and build info; other services keep only
# their service.yaml (the topology) and package.json (the workspace).
RUN npm prune --omit=dev \
 && find packages services -name '*.tsbuildinfo' -delete \
 && for d in packages/* services/*; do rm -rf "$d/src" "$d/test" "$d/scripts"; done \
 && for d in services/*; do [ "$d" = "services/$SERVICE" ] || rm -rf "$d/dist" "$d/data"; done \
 && rm -rf node_modules/.cache tsconfig*.json

# --- runtime -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ARG SERVICE
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    NODE_OPTIONS="--enable-source-maps --max-semi-space-size=8"
WORKDIR /app
# Owned by root, read-only for the runtime user: works with readOnlyRootFilesystem; writable
# places are /tmp and the data folder, mounted as volumes by the chart.
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /data && chown 1000:1000 /data
# The "node" user of the base image, by number (runAsNonRoot can verify it).
USER 1000:1000
EXPOSE 9100
# exec: node replaces the shell, so tini's SIGTERM reaches node (the kit drains on it). The OTel
# SDK is preloaded before @grpc/grpc-js loads, or gRPC spans would be missing.
ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "exec node --require @mercato/kit/otel \"services/${SERVICE}/dist/main.js\" \"$@\"", "mercato"]
