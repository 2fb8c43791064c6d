# Dateline: a static searchd and indexer in a small image.
# The build step is the one .ci/run proves.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/ ./indexer ./searchd

FROM alpine:3.22
RUN adduser -D -u 10001 dateline && mkdir /data && chown dateline /data
COPY --from=build /out/indexer /out/searchd /usr/local/bin/
USER dateline
WORKDIR /data
ENV DATELINE_INDEX=/data/dateline.idx DATELINE_ADDR=:8080 DATELINE_LOG_FORMAT=json
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD wget -qO- http://127.0.0.1:8080/healthz >/dev/null || exit 1
ENTRYPOINT ["searchd"]
