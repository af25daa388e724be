extension PluginScaffold {
    /// The token line of plugin.yaml, with why.
    var automountLines: String {
        kubernetes
            ? """
                # Argo mounts the token of the ServiceAccount \(name)-executor-plugin (argo-plugin build . --rbac
                # writes it, its token Secret and a Role with rbac.yaml's rules).
                automountServiceAccountToken: true
            """
            : """
                # The plugin calls no Kubernetes API, so it gets no service-account token.
                automountServiceAccountToken: false
            """
    }

    /// The Debian packages of the Dockerfile's build and runtime stages.
    var imagePackages: (build: String, runtime: String) {
        kubernetes
            ? ("libmicrohttpd-dev libcurl4-openssl-dev", "libmicrohttpd12 libcurl4 ca-certificates")
            : ("libmicrohttpd-dev", "libmicrohttpd12")
    }

    var pluginYAML: String {
        """
        # Argo executor-plugin manifest. `argo-plugin build .` turns it into \(name)-executor-plugin-configmap.yaml;
        # `kubectl apply -f` that file to install the plugin.
        apiVersion: argoproj.io/v1alpha1
        kind: ExecutorPlugin
        metadata:
          name: \(name)
          annotations:
            workflows.argoproj.io/description: |
              The \(name) executor plugin, written in Swift with swift-argo-plugin.
            workflows.argoproj.io/version: ">= v3.3"
        spec:
          sidecar:
        \(automountLines)
            container:
              name: \(name)-executor-plugin
              image: \(name)-executor-plugin:0.1.0
              imagePullPolicy: IfNotPresent
              command: [/usr/local/bin/\(name)-executor-plugin]
              args: [--port, "\(port)"]
              ports:
                - containerPort: \(port)
              resources:
                requests:
                  cpu: 50m
                  memory: 32Mi
                limits:
                  cpu: 200m
                  memory: 64Mi
              securityContext:
                # Argo writes /var/run/argo/token owned by uid 8737, gid 0, mode 0440.
                runAsNonRoot: true
                runAsUser: 8737
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
                seccompProfile:
                  type: RuntimeDefault

        """
    }

    var dockerfile: String {
        """
        # The \(name) executor plugin as an Argo sidecar image:
        #   docker build -t \(name)-executor-plugin:0.1.0 .
        # The build context must contain the SDK: depend on it by URL (not by local path) before building an image.
        FROM swift:6.3-bookworm AS build
        RUN apt-get update \\
            && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \(imagePackages.build) \\
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /src
        COPY . .
        RUN swift build -c release --static-swift-stdlib --product \(typeName)Plugin \\
            && install -D -m 0555 "$(swift build -c release --static-swift-stdlib --show-bin-path)/\(typeName)Plugin" /out/plugin

        FROM debian:bookworm-slim
        RUN apt-get update \\
            && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \(imagePackages.runtime) \\
            && rm -rf /var/lib/apt/lists/*
        COPY --from=build /out/plugin /usr/local/bin/\(name)-executor-plugin
        # Argo mounts its token 0440, owned by uid 8737 and gid 0: run as that uid, in group 0.
        USER 8737:0
        EXPOSE \(port)
        ENTRYPOINT ["/usr/local/bin/\(name)-executor-plugin"]
        CMD ["--port", "\(port)"]

        """
    }

    var workflowYAML: String {
        """
        # Runs the \(name) plugin once. Locally: argo-plugin simulate \(name)-workflow.yaml --plugin http://127.0.0.1:\(port) \\
        #   --token-file /tmp/argo-plugin-dev-\(port).token
        # In a cluster, after installing the ConfigMap: argo submit --watch \(name)-workflow.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: \(name)-
        spec:
          entrypoint: main
          arguments:
            parameters:
              - name: who
                value: world
          templates:
            - name: main
              steps:
                - - name: greet
                    template: greet
                    arguments:
                      parameters:
                        - name: name
                          value: "{{workflow.parameters.who}}"
            - name: greet
              inputs:
                parameters:
                  - name: name
              plugin:
                \(name):
                  \(kubernetes ? "{}" : "greeting: Hello")

        """
    }

    /// The `--kubernetes` part of the README: RBAC and local runs against a fake API server.
    var kubernetesReadme: String {
        """
        | `rbac.yaml` | the Role rules of the plugin's service account (`argo-plugin build . --rbac`) |

        The plugin reads its Workflow from the Kubernetes API with the token Argo mounts into its sidecar
        (`automountServiceAccountToken: true`). Install the service account, its token Secret and its Role in each
        namespace that runs workflows with the plugin, and give the workflow's own service account the agent's Role:

        ```sh
        argo-plugin build . --rbac --namespace argo --agent-role default
        kubectl apply -f \(name)-executor-plugin-rbac.yaml -f argo-agent-rbac.yaml -f \(name)-executor-plugin-configmap.yaml
        ```

        Locally, serve a fake API holding the workflow and start the plugin with the variables it prints:

        ```sh
        argo-plugin fake --kubernetes \(name)-workflow.yaml
        ARGO_PLUGIN_KUBERNETES_SERVER=... ARGO_PLUGIN_KUBERNETES_TOKEN_FILE=... .build/debug/\(typeName)Plugin --dev
        ```

        """
    }

    var readme: String {
        """
        # \(name) executor plugin

        An [Argo Workflows](https://argoproj.github.io/argo-workflows/) executor plugin in Swift, made with
        `argo-plugin init \(name)`. Needs `libmicrohttpd-dev` (`apt-get install libmicrohttpd-dev`).

        ```sh
        swift build
        swift test                                       # unit test and Argo's contract (PluginConformance)
        .build/debug/\(typeName)Plugin --dev                # prints a token file and a curl to try
        argo-plugin simulate \(name)-workflow.yaml --plugin http://127.0.0.1:\(port) \\
          --token-file /tmp/argo-plugin-dev-\(port).token --fast
        argo-plugin build .                              # writes \(name)-executor-plugin-configmap.yaml
        ```

        | file | what |
        |---|---|
        | `Sources/\(typeName)/\(typeName).swift` | the plugin: a `TemplatePlugin` with key `\(name)` |
        | `Sources/\(typeName)/\(typeName)Options.swift` | its options: `--default-greeting` (env `\(defaultGreetingVariable)`) |
        | `Sources/\(typeName)Plugin/main.swift` | wiring: port \(port), token, server, signals |
        | `Tests/\(typeName)Tests` | tests with `PluginSDKTesting` |
        | `plugin.yaml` | the ExecutorPlugin manifest that `argo-plugin build` turns into a ConfigMap |
        | `Dockerfile` | the sidecar image (uid 8737, group 0, read-only root) |
        | `\(name)-workflow.yaml` | a workflow that uses the plugin |
        \(kubernetes ? kubernetesReadme : "")
        """
    }
}
