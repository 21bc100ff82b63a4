extension Segmenter {
    /// How a ``Segmenter`` cuts text, after jieba's three modes.
    public enum Mode: String, Sendable, CaseIterable {
        /// jieba's `cut` (precise mode): the most probable segmentation; the tokens cover the
        /// text exactly, in order.
        case accurate
        /// jieba's `cut(cut_all=True)`: every dictionary word found in the text, overlapping.
        case full
        /// jieba's `cut_for_search`: accurate mode, with the dictionary words of two and three
        /// characters inside each longer word yielded before it, for recall in search indexes.
        case search
    }
}
