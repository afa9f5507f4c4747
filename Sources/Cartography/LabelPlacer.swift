import Foundation

/// Places map labels so that none overlaps another, a symbol or the map's furniture: each label
/// tries positions round its anchor in turn and takes the first that is free and inside the map.
struct LabelPlacer {
    /// A placed label: its text's baseline start, anchor side and box.
    struct Placement {
        let x: Double
        let y: Double
        let anchor: String
        let box: PlanarRect
        /// Where a leader line from the anchor should end, when the label is away from it.
        let leader: PlanarPoint?
        /// Where the leader starts: the anchor's edge.
        var from: PlanarPoint? = nil
    }

    private(set) var taken: [PlanarRect] = []
    let bounds: PlanarRect

    init(bounds: PlanarRect) {
        self.bounds = bounds
    }

    /// Marks an area (a symbol, the legend) as taken.
    mutating func block(_ rect: PlanarRect) {
        taken.append(rect)
    }

    /// Whether `rect` is inside the map and free.
    func isFree(_ rect: PlanarRect) -> Bool {
        rect.minX >= bounds.minX && rect.maxX <= bounds.maxX && rect.minY >= bounds.minY && rect.maxY <= bounds.maxY
            && !taken.contains { $0.intersects(rect) }
    }

    /// Places `text` of `fontSize` near `anchor` (a symbol of radius `radius`), trying the right,
    /// left, above, below and the diagonals, then the same further out with a leader line; nil
    /// when no place is free.
    mutating func place(_ text: String, fontSize: Double, near anchor: PlanarPoint, radius: Double) -> Placement? {
        let width = Self.width(of: text, fontSize: fontSize)
        let ascent = fontSize * 0.76, descent = fontSize * 0.24
        for distance in [1.0, 2.2, 3.6] {
            let gap = radius * distance + 4
            let leader = distance > 1
            let candidates: [(Double, Double, String)] = [
                (anchor.x + gap, anchor.y + ascent / 2 - 1, "start"),
                (anchor.x - gap, anchor.y + ascent / 2 - 1, "end"),
                (anchor.x, anchor.y - gap - descent, "middle"),
                (anchor.x, anchor.y + gap + ascent, "middle"),
                (anchor.x + gap * 0.8, anchor.y - gap * 0.8, "start"),
                (anchor.x + gap * 0.8, anchor.y + gap * 0.8 + ascent, "start"),
                (anchor.x - gap * 0.8, anchor.y - gap * 0.8, "end"),
                (anchor.x - gap * 0.8, anchor.y + gap * 0.8 + ascent, "end"),
            ]
            for (x, y, side) in candidates {
                let left = side == "start" ? x : side == "end" ? x - width : x - width / 2
                let box = PlanarRect(minX: left - 2, minY: y - ascent - 2, maxX: left + width + 2, maxY: y + descent + 2)
                if isFree(box) {
                    taken.append(box)
                    let end = PlanarPoint(x: min(max(anchor.x, box.minX), box.maxX), y: min(max(anchor.y, box.minY), box.maxY))
                    let length = hypot(end.x - anchor.x, end.y - anchor.y)
                    let start = length > 0 ? PlanarPoint(x: anchor.x + (end.x - anchor.x) * radius / length, y: anchor.y + (end.y - anchor.y) * radius / length) : anchor
                    return Placement(x: x, y: y, anchor: side, box: box, leader: leader ? end : nil, from: leader ? start : nil)
                }
            }
        }
        return nil
    }

    /// Places `text` at the first free one of `candidates` (baseline start and text anchor); nil
    /// when none is free.
    mutating func place(_ text: String, fontSize: Double, at candidates: [(x: Double, y: Double, anchor: String)]) -> Placement? {
        let width = Self.width(of: text, fontSize: fontSize)
        for (x, y, side) in candidates {
            let left = side == "start" ? x : side == "end" ? x - width : x - width / 2
            let box = PlanarRect(minX: left - 2, minY: y - fontSize * 0.76 - 2, maxX: left + width + 2, maxY: y + fontSize * 0.24 + 2)
            if isFree(box) {
                taken.append(box)
                return Placement(x: x, y: y, anchor: side, box: box, leader: nil)
            }
        }
        return nil
    }

    /// The width of `text` in DejaVu Sans (the font the map asks for first), estimated from the
    /// font's advance widths by class of character, on the generous side.
    static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": em += 0.32
            case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "!", "|", "'", "(", ")", "[", "]", "I", "‘", "’": em += 0.39
            case "m", "w", "M", "W", "—", "@": em += 0.92
            case "A"..."Z": em += 0.72
            case "0"..."9": em += 0.64
            case "a"..."z": em += 0.61
            default: em += scalar.value < 0x80 ? 0.6 : 0.68
            }
        }
        return em * fontSize * (bold ? 1.1 : 1)
    }
}
