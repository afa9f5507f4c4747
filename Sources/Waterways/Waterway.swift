/// What sort of water an edge of the network runs over.
public enum WaterwayKind: String, Sendable, CaseIterable {
    /// Open sea, between the corners of the coastline's safety margin.
    case sea
    /// A strait too narrow for the 1:50m coastline (the Bosporus, the Dardanelles, the Kerch Strait).
    case strait
    /// A canal (Suez, Volga–Don).
    case canal
    /// A river and its reservoirs (Volga, Kama, Don, Dnieper, Danube).
    case river

    /// The letter the network file writes.
    init?(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "s"): self = .sea
        case UInt8(ascii: "t"): self = .strait
        case UInt8(ascii: "c"): self = .canal
        case UInt8(ascii: "r"): self = .river
        default: return nil
        }
    }

    /// The bit this kind has in a node's mask of the kinds it touches.
    var bit: UInt8 {
        switch self {
        case .sea: 1
        case .strait: 2
        case .canal: 4
        case .river: 8
        }
    }

    init?(bitIndex: UInt8) {
        switch bitIndex {
        case 1: self = .sea
        case 2: self = .strait
        case 4: self = .canal
        case 8: self = .river
        default: return nil
        }
    }
}

/// A named strait, canal or river of the network, traced from GSHHG between named anchors.
public struct Waterway: Sendable, Equatable {
    /// Its number in the network file; 0 is the open sea.
    public let number: Int
    /// A short id such as `volga` or `bosporus`.
    public let id: String
    /// Its English name.
    public let name: String
    public let kind: WaterwayKind
    /// The places it was traced through, as the network file records them.
    public let anchors: String
}
