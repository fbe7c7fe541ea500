{{/* A Grafana overview dashboard: one row of gRPC panels per service (from the topology). */}}
{{- define "mercato.dashboard" -}}
{{- $panels := list -}}
{{- $y := 0 -}}
{{- $id := 1 -}}
{{- range $name, $svc := .Values.services -}}
{{- if and $svc.enabled $svc.ports.grpc -}}
{{- $rate := dict "id" $id "type" "timeseries" "title" (printf "%s: calls/s by code" $name) "gridPos" (dict "x" 0 "y" $y "w" 12 "h" 7) "datasource" (dict "type" "prometheus" "uid" "${datasource}") "targets" (list (dict "refId" "A" "expr" (printf "sum by (grpc_code) (rate(grpc_server_handled_total{job=\"%s\"}[$__rate_interval]))" $name) "legendFormat" "{{grpc_code}}")) -}}
{{- $lat := dict "id" (add1 $id) "type" "timeseries" "title" (printf "%s: p99 latency" $name) "gridPos" (dict "x" 12 "y" $y "w" 12 "h" 7) "datasource" (dict "type" "prometheus" "uid" "${datasource}") "fieldConfig" (dict "defaults" (dict "unit" "s")) "targets" (list (dict "refId" "A" "expr" (printf "histogram_quantile(0.99, sum by (le, grpc_method) (rate(grpc_server_handling_seconds_bucket{job=\"%s\"}[$__rate_interval])))" $name) "legendFormat" "{{grpc_method}}")) -}}
{{- $panels = append (append $panels $rate) $lat -}}
{{- $y = add $y 7 -}}
{{- $id = add $id 2 -}}
{{- end -}}
{{- end -}}
{{- $ds := dict "name" "datasource" "type" "datasource" "query" "prometheus" "label" "Data source" -}}
{{- dict "title" "Mercato — services" "uid" "mercato-overview" "schemaVersion" 39 "tags" (list "mercato" "grpc") "time" (dict "from" "now-1h" "to" "now") "templating" (dict "list" (list $ds)) "panels" $panels | toPrettyJson -}}
{{- end -}}
