/// The Kubernetes and Argo types that `plugin.yaml` is decoded into, as field-name schemas.
///
/// Field lists follow `k8s.io/api/core/v1` v0.35.4 (the version Argo v4.1 builds with) and Argo's
/// `pkg/plugins/spec/plugin_types.go`. Only JSON names and types matter here; Kubernetes validates the values.
enum KubernetesSchemas {
    /// `spec.Plugin`: `TypeMeta` inline, `metadata`, `spec.sidecar`.
    static let plugin: Schema = .object([
        "apiVersion": .string,
        "kind": .string,
        "metadata": objectMeta,
        "spec": .object([
            "sidecar": .object([
                "automountServiceAccountToken": .boolean,
                "container": container,
            ])
        ]),
    ])

    /// `metav1.ObjectMeta`, less `managedFields`, which no hand-written manifest carries.
    static let objectMeta: Schema = .object([
        "name": .string, "generateName": .string, "namespace": .string, "selfLink": .string, "uid": .string,
        "resourceVersion": .string, "generation": .integer, "creationTimestamp": .string,
        "deletionTimestamp": .string, "deletionGracePeriodSeconds": .integer,
        "labels": .map(.string), "annotations": .map(.string), "finalizers": .list(.string),
        "ownerReferences": .list(
            .object([
                "apiVersion": .string, "kind": .string, "name": .string, "uid": .string,
                "controller": .boolean, "blockOwnerDeletion": .boolean,
            ])),
    ])

    /// `corev1.Container`.
    static let container: Schema = .object([
        "name": .string, "image": .string, "command": .list(.string), "args": .list(.string), "workingDir": .string,
        "ports": .list(
            .object([
                "name": .string, "hostPort": .integer, "containerPort": .integer, "protocol": .string,
                "hostIP": .string,
            ])),
        "envFrom": .list(
            .object([
                "prefix": .string,
                "configMapRef": .object(["name": .string, "optional": .boolean]),
                "secretRef": .object(["name": .string, "optional": .boolean]),
            ])),
        "env": .list(.object(["name": .string, "value": .string, "valueFrom": envVarSource])),
        "resources": .object([
            "limits": .map(.quantity), "requests": .map(.quantity),
            "claims": .list(.object(["name": .string, "request": .string])),
        ]),
        "resizePolicy": .list(.object(["resourceName": .string, "restartPolicy": .string])),
        "restartPolicy": .string,
        "restartPolicyRules": .list(
            .object([
                "action": .string,
                "exitCodes": .object(["operator": .string, "values": .list(.integer)]),
            ])),
        "volumeMounts": .list(
            .object([
                "name": .string, "readOnly": .boolean, "recursiveReadOnly": .string, "mountPath": .string,
                "subPath": .string, "mountPropagation": .string, "subPathExpr": .string,
            ])),
        "volumeDevices": .list(.object(["name": .string, "devicePath": .string])),
        "livenessProbe": probe, "readinessProbe": probe, "startupProbe": probe,
        "lifecycle": .object([
            "postStart": lifecycleHandler, "preStop": lifecycleHandler, "stopSignal": .string,
        ]),
        "terminationMessagePath": .string, "terminationMessagePolicy": .string, "imagePullPolicy": .string,
        "securityContext": securityContext,
        "stdin": .boolean, "stdinOnce": .boolean, "tty": .boolean,
    ])

    /// `corev1.EnvVarSource`.
    static let envVarSource: Schema = .object([
        "fieldRef": .object(["apiVersion": .string, "fieldPath": .string]),
        "resourceFieldRef": .object(["containerName": .string, "resource": .string, "divisor": .quantity]),
        "configMapKeyRef": .object(["name": .string, "key": .string, "optional": .boolean]),
        "secretKeyRef": .object(["name": .string, "key": .string, "optional": .boolean]),
        "fileKeyRef": .object(["volumeName": .string, "path": .string, "key": .string, "optional": .boolean]),
    ])

    /// `corev1.SecurityContext`.
    static let securityContext: Schema = .object([
        "capabilities": .object(["add": .list(.string), "drop": .list(.string)]),
        "privileged": .boolean,
        "seLinuxOptions": .object(["user": .string, "role": .string, "type": .string, "level": .string]),
        "windowsOptions": .object([
            "gmsaCredentialSpecName": .string, "gmsaCredentialSpec": .string, "runAsUserName": .string,
            "hostProcess": .boolean,
        ]),
        "runAsUser": .integer, "runAsGroup": .integer, "runAsNonRoot": .boolean,
        "readOnlyRootFilesystem": .boolean, "allowPrivilegeEscalation": .boolean, "procMount": .string,
        "seccompProfile": .object(["type": .string, "localhostProfile": .string]),
        "appArmorProfile": .object(["type": .string, "localhostProfile": .string]),
    ])

    private static let execAction: Schema = .object(["command": .list(.string)])
    private static let httpGetAction: Schema = .object([
        "path": .string, "port": .intOrString, "host": .string, "scheme": .string,
        "httpHeaders": .list(.object(["name": .string, "value": .string])),
    ])
    private static let tcpSocketAction: Schema = .object(["port": .intOrString, "host": .string])

    /// `corev1.Probe` with its inline `ProbeHandler`.
    static let probe: Schema = .object([
        "exec": execAction, "httpGet": httpGetAction, "tcpSocket": tcpSocketAction,
        "grpc": .object(["port": .integer, "service": .string]),
        "initialDelaySeconds": .integer, "timeoutSeconds": .integer, "periodSeconds": .integer,
        "successThreshold": .integer, "failureThreshold": .integer, "terminationGracePeriodSeconds": .integer,
    ])

    /// `corev1.LifecycleHandler`.
    static let lifecycleHandler: Schema = .object([
        "exec": execAction, "httpGet": httpGetAction, "tcpSocket": tcpSocketAction,
        "sleep": .object(["seconds": .integer]),
    ])
}
