using System.Text;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

/// <summary>An 8-bit grey image as pdftoppm -gray writes it (binary PGM, "P5").</summary>
public sealed record GreyImage(int Width, int Height, byte[] Pixels)
{
    public static GreyImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Next()
        {
            while (pos < bytes.Length && (char.IsWhiteSpace((char)bytes[pos]) || bytes[pos] == '#'))
            {
                if (bytes[pos] == '#') while (pos < bytes.Length && bytes[pos] != '\n') pos++;
                else pos++;
            }
            var start = pos;
            while (pos < bytes.Length && !char.IsWhiteSpace((char)bytes[pos])) pos++;
            return Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        Assert.True(Next() == "P5", $"{path} is not a binary PGM (P5) file");
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Next());
        pos++; // the single whitespace after the header
        Assert.True(bytes.Length - pos >= width * height, $"{path} is truncated");
        return new GreyImage(width, height, bytes[pos..(pos + width * height)]);
    }

    /// <summary>Share of pixels whose grey level differs by more than <paramref name="threshold"/> (images of one size).</summary>
    public double DifferingShare(GreyImage other, int threshold)
    {
        Assert.Equal((Width, Height), (other.Width, other.Height));
        var differing = 0;
        for (var i = 0; i < Pixels.Length; i++)
            if (Math.Abs(Pixels[i] - other.Pixels[i]) > threshold) differing++;
        return differing / (double)Pixels.Length;
    }
}
