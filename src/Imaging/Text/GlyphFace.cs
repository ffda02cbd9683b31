namespace LvaeLive.Imaging.Text;

/// <summary>
/// One font size in the atlas: every printable ASCII glyph in a cell of the same size (the font is monospaced), side
/// by side in one row of coverage bytes that starts at <see cref="ByteOffset"/>.
/// </summary>
public readonly record struct GlyphFace(float PixelSize, int CellWidth, int CellHeight, int Baseline, int ByteOffset)
{
    public const char First = ' ';
    public const char Last = '~';
    public const int GlyphCount = Last - First + 1;

    public int RowPitch => CellWidth * GlyphCount;

    /// <summary>The cell of a character; anything outside printable ASCII shows as '?'.</summary>
    public static int GlyphIndex(char c) => c is >= First and <= Last ? c - First : '?' - First;
}
