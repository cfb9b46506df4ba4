/// Header values as the tokens `HeaderWriter` folds between.
enum HeaderTokens {
    /// Unstructured text such as a subject (RFC 5322 §3.2.5): words of printable ASCII as they are,
    /// every run of other words as encoded words (RFC 2047 §5 rule 1), so that unfolding and
    /// decoding give back exactly `text`, spaces included.
    static func unstructured(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        let words = text.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return mixed(words, isPlain: isPlainWord)
    }

    /// `words` (the text split at single spaces) with plain ones as they are and each run of other
    /// words, spaces between them included, as encoded words. Leading, trailing or doubled spaces
    /// would not survive unfolding and the reading of white space between words: such a text goes
    /// whole into encoded words, where every space is kept as `_`.
    private static func mixed(_ words: [String], isPlain: (String) -> Bool) -> [String] {
        if words.contains(where: \.isEmpty) { return EncodedWords.encode(words.joined(separator: " ")) }
        var tokens: [String] = []
        var run: [String] = []
        for word in words {
            if isPlain(word) {
                if !run.isEmpty { tokens += EncodedWords.encode(run.joined(separator: " ")) }
                run.removeAll()
                tokens.append(word)
            } else {
                run.append(word)
            }
        }
        if !run.isEmpty { tokens += EncodedWords.encode(run.joined(separator: " ")) }
        return tokens
    }

    /// A display name as a phrase (RFC 5322 §3.2.5): atoms when it is plain words, a quoted string
    /// when it is other printable ASCII, otherwise atoms where they can be and encoded words for
    /// the runs of other words between them (RFC 2047 §5 rule 3), so that every space a reader
    /// sees is either a literal space between words or encoded inside a word.
    static func phrase(_ name: String) -> [String] {
        let words = name.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.allSatisfy(isAtom) { return words }
        // A quoted string that holds `=?` is decoded as an encoded word by some readers.
        if name.utf8.allSatisfy({ (0x20...0x7E).contains($0) }), !name.contains("=?") {
            var quoted = "\""
            for scalar in name.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(scalar)
            }
            quoted += "\""
            if quoted.utf8.count <= MailLimits.maximumPlainWordOctets { return [quoted] }
        }
        return mixed(words, isPlain: isAtom)
    }

    /// An address list (RFC 5322 §3.4): `name <addr>, addr, …`.
    static func addressList(_ addresses: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            let comma = index < addresses.count - 1 ? "," : ""
            if let name = address.displayName {
                tokens += phrase(name)
                tokens.append("<" + address.addressSpec + ">" + comma)
            } else {
                tokens.append(address.addressSpec + comma)
            }
        }
        return tokens
    }

    /// Printable ASCII that a reader cannot take for an encoded word, short enough to fold.
    private static func isPlainWord(_ word: String) -> Bool {
        word.utf8.count <= MailLimits.maximumPlainWordOctets
            && word.utf8.allSatisfy { (0x21...0x7E).contains($0) }
            && !word.contains("=?")
    }

    private static func isAtom(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.count <= MailLimits.maximumPlainWordOctets && !word.contains("=?")
            && word.utf8.allSatisfy(ASCII.isAtomText)
    }
}
