{{/* Object name of a service: namePrefix + name. Call with (dict "root" $ "name" $name). */}}
{{- define "mercato.fullname" -}}
{{- printf "%s%s" .root.Values.namePrefix .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "mercato.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" -}}
{{- end -}}

{{/* Selector labels of a service's pods. (dict "root" $ "name" $name) */}}
{{- define "mercato.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Common labels of a service's objects. (dict "root" $ "name" $name "svc" $svc) */}}
{{- define "mercato.labels" -}}
{{ include "mercato.selectorLabels" . }}
app.kubernetes.io/part-of: mercato
app.kubernetes.io/component: {{ .svc.tier }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ include "mercato.chart" .root }}
{{- end -}}

{{/* Labels of chart-wide objects. */}}
{{- define "mercato.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: mercato
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "mercato.chart" . }}
{{- end -}}

{{/* "true" when the service keeps its data in the pod (PGlite): pinned to one replica. */}}
{{- define "mercato.pinned" -}}
{{- if and .svc.stateful (eq .root.Values.postgres.mode "embedded") -}}true{{- end -}}
{{- end -}}

{{/* In-cluster DNS name of a service. (dict "root" $ "name" $name) */}}
{{- define "mercato.host" -}}
{{- printf "%s.%s.svc.%s" (include "mercato.fullname" .) .root.Release.Namespace .root.Values.clusterDomain -}}
{{- end -}}

{{/* "ORDER_HISTORY_ADDR" for "order-history" (the kit's addressVariable). */}}
{{- define "mercato.addrVar" -}}
{{- printf "%s_ADDR" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* The mesh identity (service account) of a service. */}}
{{- define "mercato.serviceAccount" -}}
{{- include "mercato.fullname" . -}}
{{- end -}}

{{/* terminationGracePeriodSeconds: preStop + drain delay + grace + 5 s margin. */}}
{{- define "mercato.terminationGrace" -}}
{{- $d := .Values.drain -}}
{{- add $d.preStopSeconds (div (add $d.drainDelayMs $d.shutdownGraceMs 999) 1000) 5 -}}
{{- end -}}

{{/* A Kubernetes-safe name fragment of a gRPC method ("GetProduct" → "getproduct"). */}}
{{- define "mercato.methodSlug" -}}
{{- . | lower | replace "_" "-" -}}
{{- end -}}

{{/* Istio duration from milliseconds. */}}
{{- define "mercato.ms" -}}
{{- printf "%dms" (int .) -}}
{{- end -}}
