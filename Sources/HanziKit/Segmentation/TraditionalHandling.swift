extension Segmenter {
    /// Whether a ``Segmenter`` segments Traditional Chinese through its Simplified form.
    ///
    /// jieba's dictionary is Simplified, so jieba cuts Traditional text poorly. Through the
    /// form, each character or phrase is looked up in OpenCC's Traditional→Simplified
    /// dictionaries, the Simplified text is segmented, and the words are mapped back onto the
    /// original: tokens are substrings of the text given, with its offsets.
    public enum TraditionalHandling: String, Sendable, CaseIterable {
        /// Through the Simplified form when the text looks Traditional or mixed: it has
        /// characters that exist only in Traditional writing, at least as many as characters
        /// that exist only in Simplified writing. Simplified text is segmented exactly as jieba
        /// does.
        case auto
        /// Always through the Simplified form.
        case on
        /// Never: exactly as jieba does, whatever the script.
        case off
    }
}
