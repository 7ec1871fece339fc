/// Line and column of a Unicode scalar offset, both from 1, columns in scalars (code points), as
/// SARIF's `unicodeCodePoints` and GitHub's annotations count them.
struct TextPosition: Hashable {
    let line: Int
    let column: Int

    /// Positions of offsets in `text`, looked up by offset.
    final class Index {
        private let lineStarts: [Int]

        init(_ text: String) {
            var starts = [0]
            for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
            lineStarts = starts
        }

        func position(of offset: Int) -> TextPosition {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return TextPosition(line: low + 1, column: offset - lineStarts[low] + 1)
        }
    }
}
