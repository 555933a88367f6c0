using System.Text.Json;
using System.Text.Json.Nodes;
using CertPlatform.Web.Features.QuestionBank;
using Contract = CertPlatform.Web.Features.Exams.Contract;

namespace CertPlatform.LoadDriver;

/// <summary>An answer the server acknowledged with 200: what was sent, under which seq.</summary>
public sealed record Acked(long Seq, JsonObject Response);

/// <summary>
/// The attempt one virtual user sits: its questions as the start call returned them, the next seq per
/// question (continuing from what the server already stores, so a re-run is never "stale"), the stored
/// seq each save is based on (sent as <c>baseSeq</c>, like the exam page: docs/api.md) and the
/// newest acknowledged answer per question, which verification compares with the server's state.
/// Only the owning user's loop touches it, one request at a time, so it needs no locking.
/// </summary>
public sealed class AttemptState
{
    private readonly QuestionView[] _questions;
    private readonly long[] _seq;
    private readonly long[] _base;
    private readonly QuestionView?[] _byRef;
    // The newest acknowledged seq per question (0: none). Only the seq is kept: the answer sent under it is
    // rebuilt by Answers.For when verifying, so no per-save object lives for minutes (at 10,000 users such
    // objects survived into the old generation and the driver spent a sixth of the steady run in GC pauses).
    private readonly long[] _acked;
    private int _cursor;

    private AttemptState(string id, QuestionView[] questions, int refs)
    {
        Id = id;
        _questions = questions;
        _seq = new long[refs];
        _base = new long[refs];
        _acked = new long[refs];
        _byRef = new QuestionView?[refs];
        foreach (var q in questions) _byRef[q.Ref] = q;
    }

    public string Id { get; }
    public bool Resumed { get; private init; }
    public int AckedCount => _acked.Count(a => a > 0);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>From the 201 body of POST /api/papers/{id}/attempts (<see cref="Contract.AttemptStarted"/>).</summary>
    public static AttemptState FromStart(string body)
    {
        var started = JsonSerializer.Deserialize<Contract.AttemptStarted>(body, Json) ?? throw new InvalidOperationException("empty start response");
        var questions = started.Questions.ToArray();
        if (questions.Length == 0) throw new InvalidOperationException("the attempt has no questions");
        var refs = questions.Max(q => q.Ref) + 1;
        var state = new AttemptState(started.AttemptId, questions, refs) { Resumed = started.Resumed };
        foreach (var a in started.Answers)
            if (a.Ref >= 0 && a.Ref < refs) state._seq[a.Ref] = state._base[a.Ref] = Math.Max(state._seq[a.Ref], a.Seq);
        return state;
    }

    /// <summary>The next autosave: questions in turn, each with a seq one above its last, based on the seq last known stored.</summary>
    public (int Ref, long Seq, long BaseSeq, JsonObject Response) NextSave()
    {
        var q = _questions[_cursor++ % _questions.Length];
        var r = q.Ref;
        var seq = ++_seq[r];
        return (r, seq, _base[r], Answers.For(q, seq));
    }

    public void Acknowledge(int questionRef, long seq)
    {
        _base[questionRef] = Math.Max(_base[questionRef], seq);
        _acked[questionRef] = Math.Max(_acked[questionRef], seq);
    }

    /// <summary>A 409: the server keeps <paramref name="storedSeq"/>; continue from it, as the page does.</summary>
    public void Conflicted(int questionRef, long storedSeq)
    {
        _base[questionRef] = storedSeq;
        _seq[questionRef] = Math.Max(_seq[questionRef], storedSeq);
    }

    public IEnumerable<(int Ref, Acked Acked)> AckedAnswers() =>
        _acked.Select((seq, i) => (i, seq)).Where(x => x.seq > 0).Select(x => (x.i, new Acked(x.seq, Answers.For(_byRef[x.i]!, x.seq))));
}

/// <summary>
/// Plausible answers in the shapes of docs/api.md, built from the question as displayed. The seq
/// picks the choice / goes into the text, so successive saves of one question differ and a stale
/// answer on the server is told apart from the acknowledged one.
/// </summary>
public static class Answers
{
    public static JsonObject For(QuestionView q, long seq)
    {
        var pick = (int)(seq % int.MaxValue);
        switch (q.Type)
        {
            case "single":
                return new JsonObject { ["selected"] = new JsonArray(pick % Math.Max(1, q.Options.Count)) };
            case "multiple":
                var n = Math.Max(1, q.Options.Count);
                return new JsonObject { ["selected"] = new JsonArray(new[] { pick % n, (pick + 1) % n }.Distinct().Order().Select(i => (JsonNode)i).ToArray()) };
            case "trueFalse":
                return new JsonObject { ["trueFalse"] = seq % 2 == 0 };
            case "fill":
                return new JsonObject { ["blanks"] = new JsonArray(Enumerable.Range(0, Math.Max(1, q.Blanks)).Select(i => (JsonNode)$"答案{seq}-{i}").ToArray()) };
            case "matching":
                var right = Math.Max(1, q.Right.Count);
                return new JsonObject { ["matches"] = new JsonArray(Enumerable.Range(0, q.Left.Count).Select(i => (JsonNode)((i + pick) % right)).ToArray()) };
            case "ordering":
                var items = q.Items.Count;
                return new JsonObject { ["order"] = new JsonArray(Enumerable.Range(0, items).Select(i => (JsonNode)((i + pick) % items)).ToArray()) };
            case "case":
                var parts = new JsonObject();
                foreach (var p in q.Parts) parts[p.Id] = For(p, seq);
                return new JsonObject { ["parts"] = parts };
            default: // essay and anything newer: free text is accepted for every type
                return new JsonObject { ["text"] = $"第 {seq} 版作答" };
        }
    }

    /// <summary>
    /// True when the stored response says what was sent. The server stores a normalised response
    /// (every field, empty ones included), so every field that was sent must be there with the same
    /// value; fields that were not sent may hold their empty defaults.
    /// </summary>
    public static bool Matches(JsonNode? sent, JsonNode? stored) => (sent, stored) switch
    {
        (JsonObject s, JsonObject t) => s.All(kv => t.TryGetPropertyValue(kv.Key, out var v) && Matches(kv.Value, v)),
        (JsonArray s, JsonArray t) => s.Count == t.Count && s.Zip(t).All(p => Matches(p.First, p.Second)),
        _ => JsonNode.DeepEquals(sent, stored),
    };
}
