import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores, the results in the elements' order.
    func parallelMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSlots(base: slots)
            let elements = self
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.base[index] = transform(elements[index])
            }
        }
        return results.compactMap { $0 }
    }
}

/// The result slots: each iteration writes only its own.
private struct UnsafeSlots<Value>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Value>
}
