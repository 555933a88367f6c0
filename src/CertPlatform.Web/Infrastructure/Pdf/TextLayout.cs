using System.Text;

namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>
/// Line breaking and size fitting for mixed Chinese/Latin text. PDFsharp's XTextFormatter only breaks at spaces, so a
/// Chinese sentence would become one overlong line; this breaks between any two CJK characters and at spaces between
/// Latin words, keeps closing punctuation off the start of a line and opening punctuation off its end.
/// </summary>
internal static class TextLayout
{
    /// <summary>
    /// Vertical slot of one line, in em. Noto Sans SC glyphs stay within 0.95 em above and 0.25 em below the baseline,
    /// so with the baseline 1.0 em below the slot top nothing drawn leaves the slot.
    /// </summary>
    public const double LineHeightEm = 1.3;
    public const double BaselineFromSlotTopEm = 1.0;
    /// <summary>Below this no certificate text is legible in print; text that still does not fit is clipped to its box.</summary>
    public const double AbsoluteMinimumSize = 4;
    private const double SizeStep = 0.5;

    /// <param name="widthAtOnePoint">Advance width of a string at a font size of 1 pt (widths scale linearly with size).</param>
    /// <param name="keepTogether">Phrases never broken across lines, such as the certification title "VIP客户服务经理".</param>
    public static FittedText Fit(string text, double width, double height, double maxSize, double minSize, FitMode mode,
        Func<string, double> widthAtOnePoint, IReadOnlyList<string>? keepTogether = null)
    {
        var tokens = Tokenize(text, keepTogether ?? []);
        var spaceWidth = widthAtOnePoint(" ");
        var tokenWidths = tokens.Select(t => widthAtOnePoint(t.Text)).ToArray();
        var floor = Math.Min(AbsoluteMinimumSize, minSize);

        if (mode == FitMode.ShrinkThenWrap)
        {
            var oneLine = widthAtOnePoint(Normalize(text));
            var size = oneLine <= 0 ? maxSize : Math.Min(maxSize, FloorToStep(width / oneLine));
            size = Math.Min(size, FloorToStep(height / LineHeightEm));
            if (size >= minSize) return new FittedText(size, [Normalize(text)], false);
            for (var s = minSize; s >= floor; s -= SizeStep)
            {
                var lines = Wrap(tokens, tokenWidths, spaceWidth, s, width, widthAtOnePoint);
                if (lines is not null && lines.Count * LineHeightEm * s <= height) return new FittedText(s, lines, false);
            }
        }
        else
        {
            for (var s = maxSize; s >= floor; s -= SizeStep)
            {
                var lines = Wrap(tokens, tokenWidths, spaceWidth, s, width, widthAtOnePoint);
                if (lines is not null && lines.Count * LineHeightEm * s <= height) return new FittedText(s, lines, false);
            }
        }
        var last = Wrap(tokens, tokenWidths, spaceWidth, floor, width, widthAtOnePoint, breakKept: true)!;
        return new FittedText(floor, last, true);
    }

    /// <summary>
    /// Greedy line filling at one font size; a token wider than the line is broken between characters, except a kept
    /// phrase: then null (this size does not fit) unless <paramref name="breakKept"/> (the last resort at the floor size).
    /// </summary>
    internal static List<string>? Wrap(IReadOnlyList<TextToken> tokens, IReadOnlyList<double> tokenWidths, double spaceWidth,
        double size, double maxWidth, Func<string, double> widthAtOnePoint, bool breakKept = false)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;

        void Place(string piece, double pieceWidth, bool spaceBefore)
        {
            var gap = line.Length > 0 && spaceBefore ? spaceWidth * size : 0;
            if (line.Length > 0 && lineWidth + gap + pieceWidth > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
                gap = 0;
            }
            if (gap > 0) line.Append(' ');
            line.Append(piece);
            lineWidth += gap + pieceWidth;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokenWidths[i] * size;
            if (w <= maxWidth)
            {
                Place(tokens[i].Text, w, tokens[i].SpaceBefore);
                continue;
            }
            if (tokens[i].Keep && !breakKept) return null;
            // A URL or a long Latin word: no better break exists, so break between characters.
            var first = true;
            foreach (var rune in tokens[i].Text.EnumerateRunes())
            {
                var piece = rune.ToString();
                Place(piece, widthAtOnePoint(piece) * size, first && tokens[i].SpaceBefore);
                first = false;
            }
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary>
    /// Splits text into unbreakable pieces: one CJK character each, whole Latin words, punctuation glued to its neighbour,
    /// and each occurrence of a <paramref name="keepTogether"/> phrase as one token.
    /// </summary>
    internal static List<TextToken> Tokenize(string text, IReadOnlyList<string> keepTogether)
    {
        var phrases = keepTogether.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().OrderByDescending(p => p.Length).ToList();
        if (phrases.Count == 0) return Tokenize(text);
        var tokens = new List<TextToken>();
        var from = 0;
        while (from < text.Length)
        {
            var (at, phrase) = phrases.Select(p => (At: text.IndexOf(p, from, StringComparison.Ordinal), P: p))
                .Where(x => x.At >= 0).OrderBy(x => x.At).FirstOrDefault(x => true, (-1, ""));
            var end = at < 0 ? text.Length : at;
            foreach (var t in Tokenize(text[from..end]))
            {
                // Closing punctuation right after a kept phrase stays with it, as it would with any other word.
                if (tokens.Count > 0 && tokens[^1].Keep && !t.SpaceBefore && t.Text.EnumerateRunes().All(IsClosing))
                    tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + t.Text };
                else tokens.Add(t);
            }
            if (at < 0) break;
            var spaceBefore = at > 0 && IsBreakingSpace(new Rune(text[at - 1]));
            // An opening bracket just before the phrase belongs to it (it must not end a line).
            if (tokens.Count > 0 && !spaceBefore && tokens[^1].Text.Length > 0 && IsOpening(new Rune(tokens[^1].Text[^1]))
                && tokens[^1].Text.EnumerateRunes().All(IsOpening))
            {
                var opening = tokens[^1];
                tokens.RemoveAt(tokens.Count - 1);
                tokens.Add(new TextToken(opening.Text + phrase, opening.SpaceBefore, Keep: true));
            }
            else tokens.Add(new TextToken(phrase, spaceBefore, Keep: true));
            from = at + phrase.Length;
        }
        return tokens;
    }

    /// <summary>Splits text into unbreakable pieces: one CJK character each, whole Latin words, punctuation glued to its neighbour.</summary>
    internal static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>();
        var word = new StringBuilder();
        var wordSpaceBefore = false;
        var pendingOpening = new StringBuilder();
        var pendingOpeningSpaceBefore = false;
        var spaceSeen = false;

        void FlushWord()
        {
            if (word.Length == 0) return;
            tokens.Add(new TextToken(word.ToString(), wordSpaceBefore));
            word.Clear();
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsBreakingSpace(rune))
            {
                FlushWord();
                spaceSeen = true;
                continue;
            }
            var s = rune.ToString();
            if (IsOpening(rune))
            {
                FlushWord();
                if (pendingOpening.Length == 0) pendingOpeningSpaceBefore = spaceSeen;
                pendingOpening.Append(s);
                spaceSeen = false;
                continue;
            }
            if (IsClosing(rune) && pendingOpening.Length == 0 && !spaceSeen)
            {
                if (word.Length > 0) { word.Append(s); continue; }
                if (tokens.Count > 0) { tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + s }; continue; }
            }
            var spaceBefore = pendingOpening.Length > 0 ? pendingOpeningSpaceBefore : spaceSeen;
            var prefix = pendingOpening.ToString();
            pendingOpening.Clear();
            spaceSeen = false;
            if (IsCjk(rune) || IsClosing(rune))
            {
                FlushWord();
                tokens.Add(new TextToken(prefix + s, spaceBefore));
            }
            else
            {
                if (word.Length == 0) wordSpaceBefore = spaceBefore;
                else if (prefix.Length > 0 || spaceBefore) { FlushWord(); wordSpaceBefore = spaceBefore; }
                word.Append(prefix).Append(s);
            }
        }
        FlushWord();
        if (pendingOpening.Length > 0) tokens.Add(new TextToken(pendingOpening.ToString(), pendingOpeningSpaceBefore));
        return tokens;
    }

    /// <summary>The single-line form: runs of spaces collapse to one, as they do when wrapping.</summary>
    internal static string Normalize(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static double FloorToStep(double size) => Math.Floor(size / SizeStep) * SizeStep;

    // U+3000 (ideographic space) is deliberately not a break point: templates use it as fixed spacing between fields.
    private static bool IsBreakingSpace(Rune r) => r.Value is ' ' or '\t' or '\r' or '\n';

    private static bool IsCjk(Rune r) => r.Value switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // radicals
        >= 0x3000 and <= 0x303F => true,   // CJK symbols and punctuation
        >= 0x3040 and <= 0x30FF => true,   // kana
        >= 0x3100 and <= 0x31BF => true,   // bopomofo
        >= 0x3400 and <= 0x4DBF => true,   // extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // hangul
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,   // compatibility forms
        >= 0xFF00 and <= 0xFFEF => true,   // full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // extensions B and later
        _ => false,
    };

    private const string ClosingPunctuation = "，。、；：？！）》」』】〕〉”’…—·％,.;:!?)]}%　";
    private const string OpeningPunctuation = "（《「『【〔〈“‘([{";

    private static bool IsClosing(Rune r) => r.IsBmp && ClosingPunctuation.Contains((char)r.Value);
    private static bool IsOpening(Rune r) => r.IsBmp && OpeningPunctuation.Contains((char)r.Value);
}
