import Foundation
package import Scheduling

/// The reverse proxy's routes for several instances (`rathaus proxy-config`), for nginx or
/// HAProxy: each office's paths go to the instance that serves it, everything else to any
/// instance (which passes on what belongs elsewhere, see `Peers`).
///
/// An office's paths: `/v1/offices/{office}…`, the holds and bookings whose ids begin with
/// `{office}.`, the tickets whose ids begin with `{office}-YYYY-MM-DD-`, the hall's pages
/// (`/display/{office}`, `/kiosk/{office}…`, `/counter/{office}/…`), the citizen pages of its
/// holds and bookings (`/reservierung/{office}.…`, `/termin/{office}.…`, also under `/en`), any
/// path with `?office={office}` (the times page); and the draws and waiting rooms of the services
/// it runs them for.
package struct ProxyConfiguration: Sendable {
    package let instances: Instances
    package let municipality: Municipality
    /// The TLS port (or `address:port`) the proxy listens on. Default 443.
    package var listen = "443"
    /// The certificate (nginx: the chain; HAProxy: chain and key in one file).
    package var certificate = "/etc/ssl/certs/rathaus.pem"
    /// The certificate's key (nginx).
    package var key = "/etc/ssl/private/rathaus.key"

    package init(instances: Instances, municipality: Municipality) {
        self.instances = instances
        self.municipality = municipality
    }

    /// The proxies it writes for.
    package enum Format: String, Sendable, CaseIterable {
        case nginx
        case haproxy
    }

    /// Regular expressions (POSIX extended, as both proxies read them) over the path of the
    /// requests that belong to `office`.
    package func pathPatterns(of office: OfficeID) -> [String] {
        let id = office.rawValue
        var patterns = [
            "^/v1/offices/\(id)(/|$)",
            "^/v1/(holds|bookings)/\(id)\\.",
            "^/v1/tickets/\(id)-[0-9]{4}-[0-9]{2}-[0-9]{2}-",
            "^/(display|kiosk|counter)/\(id)(/|$)",
            "^(/en)?/(reservierung|termin)/\(id)\\.",
        ]
        for service in municipality.services {
            switch service.rush {
            case .draw(let draw) where draw.office == office:
                patterns.append("^/v1/draws/\(service.id.rawValue)(/|$)")
            case .waitingRoom:
                // The room is kept by the first office that offers the service (RushDesk).
                if municipality.offices.first(where: { $0.offeredServices.contains(service.id) })?.id == office {
                    patterns.append("^/v1/waiting-rooms/\(service.id.rawValue)(/|$)")
                }
            default:
                break
            }
        }
        return patterns
    }

    /// The configuration text.
    package func text(_ format: Format) -> String {
        switch format {
        case .nginx: nginx
        case .haproxy: haproxy
        }
    }

    private func upstream(_ instance: Instances.Instance) -> String {
        "rathaus_" + instance.name.replacingOccurrences(of: "-", with: "_")
    }

    private var header: String {
        let list = instances.instances.map { "\($0.name) (\($0.offices.map(\.rawValue).joined(separator: ", ")))" }
        return """
            # Rathaus, \(instances.instances.count) instances: \(list.joined(separator: "; ")).
            # Written by `rathaus proxy-config`; write it again when the instances file changes.
            """
    }

    /// An `http {}`-level include: upstreams, the map from request to instance, and a TLS
    /// server whose `server_name` is to be filled in.
    var nginx: String {
        var lines = [header, "# Include it in nginx's http {} block (e.g. /etc/nginx/conf.d/rathaus.conf).", ""]
        for instance in instances.instances {
            lines.append("upstream \(upstream(instance)) { server \(instance.address); keepalive 32; }")
        }
        lines.append("upstream rathaus_any {")
        for instance in instances.instances { lines.append("    server \(instance.address);") }
        lines.append("    keepalive 32;")
        lines.append("}")
        lines.append("")
        lines.append("# The office of a request: its path first, then ?office= (the times page).")
        lines.append("map \"$uri?office=$arg_office\" $rathaus_upstream {")
        for instance in instances.instances {
            for office in instance.offices {
                for pattern in pathPatterns(of: office) {
                    let anchored = pattern.hasSuffix("(/|$)") ? String(pattern.dropLast(5)) + "(/|\\?)" : pattern
                    lines.append("    \"~\(anchored)\" \(upstream(instance));")
                }
            }
        }
        for instance in instances.instances {
            for office in instance.offices {
                lines.append("    \"~\\?office=\(office.rawValue)$\" \(upstream(instance));")
            }
        }
        lines.append("    default rathaus_any;")
        lines.append("}")
        lines.append("")
        lines.append(
            """
            server {
                listen \(listen) ssl;
                server_name termine.example.de;                       # your name
                ssl_certificate     \(certificate);
                ssl_certificate_key \(key);
                client_max_body_size 1m;                              # Rathaus refuses larger bodies itself

                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $http_host;                     # forms compare Origin with Host
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;           # the forms' cookie gets Secure
                proxy_set_header Rathaus-Forwarded-By "";            # only instances set it

                # The queue's event streams: unbuffered, open for as long as the display is.
                location ~ ^/v1/offices/[^/]+/queue/events$ {
                    proxy_pass http://$rathaus_upstream;
                    proxy_buffering off;
                    proxy_cache off;
                    proxy_read_timeout 1h;
                }
                location / {
                    proxy_pass http://$rathaus_upstream;
                }
            }
            """)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A complete `haproxy.cfg`.
    var haproxy: String {
        var lines = [
            header,
            """
            global
                log stdout format raw local0 warning

            defaults
                mode http
                log global
                option httplog
                timeout connect 5s
                timeout client 65s
                timeout server 65s          # the event streams send a comment every 15 s
                timeout http-request 10s
                timeout http-keep-alive 60s
                retries 2
                option redispatch           # a request for any instance goes to another if one is down

            frontend rathaus
                bind \(listen.contains(":") ? listen : ":" + listen) ssl crt \(certificate)   # chain and key in one file
                http-request set-header X-Forwarded-Proto https
                http-request del-header Rathaus-Forwarded-By          # only instances set it
                option forwardfor
            """,
        ]
        for instance in instances.instances {
            let name = upstream(instance)
            for office in instance.offices {
                lines.append("    acl \(name) path_reg \(pathPatterns(of: office).joined(separator: " "))")
                lines.append("    acl \(name) url_param(office) -m str \(office.rawValue)")
            }
        }
        for instance in instances.instances {
            lines.append("    use_backend \(upstream(instance)) if \(upstream(instance))")
        }
        lines.append("    default_backend rathaus_any")
        for instance in instances.instances {
            lines.append("")
            lines.append("backend \(upstream(instance))")
            lines.append("    server \(instance.name) \(instance.address) check inter 2s")
        }
        lines.append("")
        lines.append("backend rathaus_any")
        lines.append("    balance roundrobin")
        lines.append("    option httpchk GET /healthz")
        for instance in instances.instances {
            lines.append("    server \(instance.name) \(instance.address) check inter 2s")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
