using System.Text;
using System.Xml;

namespace CertPlatform.Web.Infrastructure;

/// <summary>Text made safe for XML 1.0.</summary>
public static class XmlText
{
    /// <summary>Drops characters XML 1.0 cannot represent (control characters, lone surrogates).</summary>
    public static string Safe(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var ok = true;
        for (var i = 0; i < s.Length && ok; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            ok = XmlConvert.IsXmlChar(s[i]);
        }
        if (ok) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(s[i]).Append(s[i + 1]); i++; continue; }
            if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
