using System.Text;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>
/// Numbers what the statistics read per cell — question ids, question versions ("id v2" keys) and part ids — so a
/// million cells share a few hundred strings; ids read from digests as UTF-8 are looked up without allocating.
/// Also remembers which attempts (by index) were read from digests.
/// </summary>
internal sealed class CellReader
{
    private const int MaxIdChars = 512;
    private readonly Dictionary<string, int> questionIds = new(StringComparer.Ordinal);
    private readonly List<string> questionIdList = [];
    private readonly Dictionary<(int Question, int Version), int> versionIndex = new();
    private readonly Dictionary<string, int> partIndex = new(StringComparer.Ordinal);
    /// <summary>Per question index: the version its last cell had and that version's index.</summary>
    private readonly List<(int Version, int Index)> lastVersion = [];

    /// <summary>Question version keys by index, as in <see cref="AttemptCell.Version"/>.</summary>
    public List<string> Versions { get; } = [];

    /// <summary>Part ids by index, as in <see cref="AttemptCell.Part"/>.</summary>
    public List<string> Parts { get; } = [];

    /// <summary>Attempt indices whose cells came from their digests.</summary>
    public HashSet<int> Covered { get; } = [];

    public int QuestionIndex(string id) => Intern(questionIds, questionIdList, id);

    public int QuestionIndex(ReadOnlySpan<byte> utf8) => Intern(questionIds, questionIdList, utf8);

    public int Part(string id) => Intern(partIndex, Parts, id);

    public int Part(ReadOnlySpan<byte> utf8) => Intern(partIndex, Parts, utf8);

    /// <summary>The index of a question version among <see cref="Versions"/>, adding it when new.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Version(int question, int version)
    {
        // Nearly every cell of a question has the version its previous cell had: compare before hashing.
        if (question < lastVersion.Count && lastVersion[question] is var (seen, index) && seen == version) return index;
        if (!versionIndex.TryGetValue((question, version), out var v))
        {
            versionIndex[(question, version)] = v = Versions.Count;
            Versions.Add(AnalyticsKeys.Version(questionIdList[question], version));
        }
        while (lastVersion.Count <= question) lastVersion.Add((-1, -1));
        lastVersion[question] = (version, v);
        return v;
    }

    /// <summary>The index among <see cref="Versions"/> of a question version some cell has, or -1 when no cell has it.</summary>
    public int Find(int question, int version) => versionIndex.TryGetValue((question, version), out var v) ? v : -1;

    private static int Intern(Dictionary<string, int> index, List<string> list, string id)
    {
        if (!index.TryGetValue(id, out var k))
        {
            index[id] = k = list.Count;
            list.Add(id);
        }
        return k;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Intern(Dictionary<string, int> index, List<string> list, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxIdChars) return Intern(index, list, Encoding.UTF8.GetString(utf8));
        Span<char> chars = stackalloc char[MaxIdChars];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(chars[..n], out var k) ? k : Intern(index, list, new string(chars[..n]));
    }
}
