extension ConversionConfig {
    /// Loads a bundled config, e.g. `s2twp`, from the store's `opencc/NAME.json`.
    /// - Throws: ``ConversionConfigError/unknownConfig(_:available:)`` listing the available
    ///   names when there is no such config.
    public init(named name: Name, store: DictionaryStore = .standard) throws(ConversionConfigError) {
        let file = "opencc/\(name.rawValue).json"
        guard !name.rawValue.isEmpty, !name.rawValue.contains("/"), let bytes = try? store.contents(of: file) else {
            throw .unknownConfig(name.rawValue, available: Self.availableNames(in: store).map(\.rawValue))
        }
        try self.init(json: bytes, path: store.displayPath(of: file), origin: .bundled, defaultName: name.rawValue)
    }

    /// Loads an OpenCC JSON config file. Its relative dictionary file names resolve against
    /// the file's directory (see ``Origin/file(path:)``).
    /// - Throws: ``ConversionConfigError/invalid(path:reason:)`` when the file is unreadable or
    ///   not a valid config.
    public init(contentsOf path: String) throws(ConversionConfigError) {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch {
            throw .invalid(path: path, reason: "cannot read: \((error as? LexiconError).map(\.description) ?? "\(error)")")
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        try self.init(json: bytes, path: path, origin: .file(path: path),
                      defaultName: base.hasSuffix(".json") ? String(base.dropLast(5)) : base)
    }

    /// Parses an OpenCC config from its JSON text (comments and trailing commas allowed, as
    /// OpenCC 1.4 allows them).
    /// - Parameters:
    ///   - json: the file's bytes.
    ///   - path: the file's name, for messages.
    ///   - origin: where its dictionary file names resolve.
    ///   - defaultName: the name to use when the config has no `name`.
    public init(json: [UInt8], path: String, origin: Origin, defaultName: String) throws(ConversionConfigError) {
        if let offset = UTF8Validation.firstInvalidOffset(json) {
            throw .invalid(path: path, reason: "invalid UTF-8 at byte offset \(offset)")
        }
        let document: JSONValue
        do { document = try JSONValue(parsing: json) } catch { throw .invalid(path: path, reason: error.description) }
        let reader = ConfigReader(path: path)
        guard case .object = document else { throw .invalid(path: path, reason: "the root must be an object") }
        var name = defaultName
        if case let .string(title)? = document["name"] { name = title }
        var normalization: [DictionarySpec] = []
        if let value = document["normalization"] { normalization = try reader.conversions(value, at: "normalization") }
        var segmentation: DictionarySpec?
        if let value = document["segmentation"] { segmentation = try reader.segmentation(value) }
        guard let chain = document["conversion_chain"] else {
            throw .invalid(path: path, reason: "required property \"conversion_chain\" not found")
        }
        self.init(name: name, origin: origin, normalization: normalization, segmentation: segmentation,
                  conversionChain: try reader.conversions(chain, at: "conversion_chain"))
    }

    /// The names of the bundled configs, sorted.
    public static func availableNames(in store: DictionaryStore = .standard) -> [Name] {
        store.fileNames().compactMap { file in
            guard file.hasPrefix("opencc/"), file.hasSuffix(".json") else { return nil }
            return Name(rawValue: String(file.dropFirst(7).dropLast(5)))
        }
    }
}

/// Reads the parts of a config document, with messages that give the JSON path of a problem.
private struct ConfigReader {
    let path: String

    func invalid(_ at: String, _ reason: String) -> ConversionConfigError {
        .invalid(path: path, reason: "\(at): \(reason)")
    }

    /// An array of `{"dict": …}` objects.
    func conversions(_ value: JSONValue, at: String) throws(ConversionConfigError) -> [ConversionConfig.DictionarySpec] {
        guard case let .array(items) = value else { throw invalid(at, "must be an array") }
        var specs: [ConversionConfig.DictionarySpec] = []
        for (i, item) in items.enumerated() {
            let here = "\(at)[\(i)]"
            guard case .object = item else { throw invalid(here, "must be an object") }
            guard let dict = item["dict"] else { throw invalid(here, "required property \"dict\" not found") }
            specs.append(try self.dict(dict, at: here + ".dict"))
        }
        return specs
    }

    func segmentation(_ value: JSONValue) throws(ConversionConfigError) -> ConversionConfig.DictionarySpec {
        guard case .object = value else { throw invalid("segmentation", "must be an object") }
        let type = try string(value, "type", at: "segmentation")
        guard type == "mmseg" else {
            throw .unsupported(path: path, reason: "segmentation type \"\(type)\" (an OpenCC plugin) is not supported; HanziKit does \"mmseg\" only")
        }
        guard let dict = value["dict"] else { throw invalid("segmentation", "required property \"dict\" not found") }
        return try self.dict(dict, at: "segmentation.dict")
    }

    func dict(_ value: JSONValue, at: String) throws(ConversionConfigError) -> ConversionConfig.DictionarySpec {
        guard case .object = value else { throw invalid(at, "must be an object") }
        let type = try string(value, "type", at: at)
        switch type {
        case "group":
            guard case let .array(children)? = value["dicts"] else { throw invalid(at, "a group needs a \"dicts\" array") }
            var specs: [ConversionConfig.DictionarySpec] = []
            for (i, child) in children.enumerated() { specs.append(try dict(child, at: "\(at).dicts[\(i)]")) }
            var policy = ConversionConfig.MatchPolicy.shortCircuit
            if let raw = value["match_policy"] {
                guard case let .string(name) = raw, let known = ConversionConfig.MatchPolicy(rawValue: name) else {
                    throw invalid(at, "unknown match_policy \(raw); expected \"short_circuit\" or \"union\"")
                }
                policy = known
            }
            return .group(specs, policy: policy, mayOutputTofu: try tofuFlag(value, at: at))
        case "inline":
            if value["may_output_tofu"] != nil { throw invalid(at, "an inline dictionary does not support may_output_tofu") }
            guard case let .object(members)? = value["entries"] else { throw invalid(at, "an inline dictionary needs an \"entries\" object") }
            var entries: [ConversionConfig.InlineEntry] = []
            for (key, target) in members {
                guard !key.isEmpty else { throw invalid(at, "an inline dictionary key must be a non-empty string") }
                guard case let .string(text) = target, !text.isEmpty else {
                    throw invalid(at, "the value of \"\(key)\" must be a non-empty string")
                }
                entries.append(.init(key: key, value: text))
            }
            return .inline(entries)
        default:
            guard let fileType = ConversionConfig.FileType(rawValue: type) else {
                throw invalid(at, "unknown dictionary type \"\(type)\"; expected text, ocd2, ocd, inline or group")
            }
            let file = try string(value, "file", at: at)
            guard !file.isEmpty else { throw invalid(at, "\"file\" must not be empty") }
            return .file(file, type: fileType, mayOutputTofu: try tofuFlag(value, at: at))
        }
    }

    func string(_ object: JSONValue, _ key: String, at: String) throws(ConversionConfigError) -> String {
        guard let value = object[key] else { throw invalid(at, "required property \"\(key)\" not found") }
        guard case let .string(s) = value else { throw invalid(at, "\"\(key)\" must be a string, not \(value.kind)") }
        return s
    }

    func tofuFlag(_ object: JSONValue, at: String) throws(ConversionConfigError) -> Bool {
        guard let value = object["may_output_tofu"] else { return false }
        guard case let .bool(flag) = value else { throw invalid(at, "\"may_output_tofu\" must be a boolean") }
        return flag
    }
}
