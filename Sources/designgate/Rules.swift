import ArgumentParser
import DesignGateKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules with their default severity.")

    func run() {
        Console.out(RuleDocs.list())
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print one rule's description, options and examples.")

    @Argument(help: "The rule id, e.g. open-questions-resolved.", completion: .list(Completions.rules)) var rule: String

    func run() throws {
        do {
            Console.out(try RuleDocs.explain(rule, width: Console.textWidth()))
        } catch {
            throw fail(error)
        }
    }
}
