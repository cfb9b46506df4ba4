import App
import RathausCommandLine

/// `rathaus proxy-config`: the reverse proxy's routes for several instances.
enum ProxyConfigCommand: Subcommand {
    static let name = "proxy-config"
    static let summary = "print the nginx or HAProxy configuration that routes each office to its instance"
    static let usage = """
        usage: rathaus proxy-config --instances FILE [--format nginx|haproxy] [--config FILE]
                                    [--listen [ADDRESS:]PORT] [--certificate FILE] [--key FILE]

        Prints the reverse proxy's configuration for the instances of FILE (the file every
        `rathaus serve --instances FILE --instance NAME` reads): each office's paths, and each hold,
        booking and ticket by the office its id begins with, go to the instance that serves the
        office; everything else goes to any instance. nginx (default): an include for the http {}
        block; haproxy: a whole haproxy.cfg. Both terminate TLS on --listen (default 443) with
        --certificate (default /etc/ssl/certs/rathaus.pem; for HAProxy chain and key in one file)
        and --key (nginx; default /etc/ssl/private/rathaus.key), pass the event streams unbuffered
        and set X-Forwarded-For and X-Forwarded-Proto.
        """

    static func run(_ arguments: inout CommandArguments) throws -> Int32 {
        guard let path = try arguments.option("instances") else {
            throw UsageError("--instances FILE is required: the file that lists the instances and their offices")
        }
        let formatText = try arguments.option("format") ?? "nginx"
        guard let format = ProxyConfiguration.Format(rawValue: formatText) else {
            throw UsageError("--format must be nginx or haproxy, not '\(formatText)'")
        }
        let config = try arguments.option("config") ?? MunicipalityLoader.demoPath
        let listen = try arguments.option("listen")
        let certificate = try arguments.option("certificate")
        let key = try arguments.option("key")
        try arguments.finish()
        let municipality = try MunicipalityLoader.load(path: config)
        let instances = try Instances.load(path: path, municipality: municipality)
        var proxy = ProxyConfiguration(instances: instances, municipality: municipality)
        if let listen { proxy.listen = listen }
        if let certificate { proxy.certificate = certificate }
        if let key { proxy.key = key }
        print(proxy.text(format), terminator: "")
        return 0
    }
}
