import ArgumentParser
import Foundation
import Gazetteer
import Geodesy
import RouteMap

/// The `routemap` command: resolve places named in supply-chain reports and measure routes between them.
struct Routemap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routemap",
        abstract: "Resolve the places that supply-chain reports name, and measure routes between them.",
        discussion: """
        Examples:
          routemap resolve Alabuga Makhachkala "Laut Kaspia" Москва
          routemap distance Amirabad Makhachkala --units nmi
          routemap distance Moscow 55.83,52.04 --json
          routemap route Amirabad Makhachkala --mode sea --geojson
          routemap export --out out/seeds.geojson
          routemap map report.txt --out report.geojson

        Exit status: 0 success, 1 unknown or ambiguous place or bad data, 2 usage error.
        """,
        version: "routemap \(version) (PROJ \(ProjLibrary.headerVersion))",
        subcommands: [MapCommand.self, Resolve.self, Distance.self, Destination.self, Route.self, Export.self, Points.self, Extract.self, CoverageCommand.self, Project.self, Ring.self, Area.self, GazetteerCommand.self]
    )

    /// routemap's release.
    static let version = "0.4.0"

    /// The subcommands that call PROJ on every run: for them libproj loads on a second thread while
    /// the arguments are parsed and the places resolved, instead of before `main` as a linked library would.
    static let geodesicSubcommands: [ParsableCommand.Type] = [MapCommand.self, Distance.self, Destination.self, Route.self, Export.self, Project.self, Ring.self, Area.self]
}

@main
enum RoutemapMain {
    static func main() {
        // A closed pipe is a write error (EPIPE) that ends routemap quietly with status 1, not a signal.
        signal(SIGPIPE, SIG_IGN)
        // A write past a file-size limit fails with EFBIG (the cache then warns and answers from the sources) instead of killing routemap.
        signal(SIGXFSZ, SIG_IGN)
        CheckedFile.report = { message in Terminal.error("warning: \(message)") }
        CheckedFile.unrecoverable = { message in
            Terminal.error(message)
            exit(1)
        }
        let subcommand = CommandLine.arguments.dropFirst().first
        if Routemap.geodesicSubcommands.contains(where: { $0.configuration.commandName == subcommand }) {
            ProjLibrary.prefetch()
        }
        let status = finish(run())
        // Every way out, success, error or --help, waits for libproj's load to finish: exit()
        // during a half-done dlopen crashes the process after it has printed its last word.
        ProjLibrary.finishPrefetch()
        status.exit()
    }

    /// How the process ends: with a status of routemap's own, or as ArgumentParser would end it for this error.
    enum Status {
        case code(Int32)
        case argumentParser(Error)

        func exit() -> Never {
            switch self {
            case .code(let code): Foundation.exit(code)
            case .argumentParser(let error): Routemap.exit(withError: error)
            }
        }
    }

    /// Flushes the results to stdout; a write that failed there, now or earlier, makes the status 1.
    static func finish(_ status: Status) -> Status {
        var failure: OutputError?
        do {
            try results.commit()
        } catch {
            failure = error
        }
        failure = OutputFile.standardOutputFailure.withLock { $0 } ?? failure
        guard let failure else { return status }
        if !failure.isBrokenPipe { Terminal.error(failure.description) }
        if case .code(let code) = status, code != 0 { return status }
        return .code(1)
    }

    /// Parses the command line and runs the command, reporting routemap's own errors on stderr.
    static func run() -> Status {
        do {
            var command = try Routemap.parseAsRoot()
            try command.run()
            return .code(0)
        } catch let error as RouteMapError {
            Terminal.error(error.description)
        } catch let error as OutputError {
            // A reader that went away (`| head`) needs no message.
            if !error.isBrokenPipe { Terminal.error(error.description) }
        } catch let error as InputError {
            Terminal.error(error.description)
        } catch let error as ProjError {
            Terminal.error(error.description)
        } catch {
            if Routemap.exitCode(for: error) == .success {
                // --help and --version: their text is a result, written through the same checked path.
                let text = Routemap.fullMessage(for: error)
                try? results.write(utf8: text.isEmpty || text.hasSuffix("\n") ? text : text + "\n")
                return .code(0)
            }
            guard Routemap.exitCode(for: error) == .validationFailure else { return .argumentParser(error) }
            let message = Routemap.fullMessage(for: error)
            Terminal.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            return .code(2)
        }
        return .code(1)
    }
}
