import ArgumentParser
import DesignGateKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .designgate.yml with the defaults (never overwrites).")

    @Option(name: [.customShort("C"), .customLong("repo")], help: ArgumentHelp("Write it in DIR.", valueName: "DIR"))
    var directory: String = "."

    func run() throws {
        do {
            let path = try Scaffold.writeConfiguration(in: directory)
            Console.out("wrote \(path)\n")
        } catch {
            throw fail(error)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Write a new design document from a profile's template.")

    @Argument(help: "Where to write the document.") var path: String
    @Option(help: "Profile whose template to use: standard, extended or a configured one.", completion: .list(Completions.profiles))
    var profile = "standard"
    @Option(help: "The document's title.") var title: String?

    func run() throws {
        do {
            try Scaffold.writeDocument(at: path, profile: profile, title: title)
            Console.out("wrote \(path)\n")
        } catch {
            throw fail(error)
        }
    }
}
