using System.Globalization;
using System.IO.Compression;
using System.Text;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

public sealed class SpreadsheetFormatTests
{
    private const string ChineseCsv =
        "题号,题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,课程,锚点,标签\r\n" +
        "p1-swot-q01,单选,SWOT 分析中的“O”指的是（  ）。,优势,机会,劣势,威胁,B,O 即 Opportunities（机会）。,2,p1-swot,definition,概念、SWOT\r\n" +
        ",多选题,以下属于外部环境因素的有（  ）。,机会,威胁,优势,劣势,\"A,B\",机会与威胁来自外部。,3,p1-swot,,\r\n" +
        "p1-value-q02,判断,顾客让渡价值等于顾客总价值减去顾客总成本。,,,,,正确,,1,p1-value,,\r\n" +
        "p1-value-q03,填空,顾客让渡价值是{{1}}与{{2}}之差。,,,,,顾客总价值/总价值|顾客总成本,,,,,\r\n" +
        "p1-value-q04,填空,顾客让渡价值是______与______之差。,,,,,顾客总价值|顾客总成本,,,,,\r\n" +
        "p1-swot-q07,问答,\"请结合实例，说明 SWOT 分析的步骤。\",,,,,\"列出内部优势与劣势；\n列出外部机会与威胁\",,4,p1-swot,steps,\"案例, 综合\"\r\n";

    private static ImportResult Csv(string text, Encoding? encoding = null, string file = "bank.csv") =>
        SpreadsheetFormat.ParseCsv(file, new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)));

    private static string Issues(ImportResult r) => string.Join("\n", r.Issues);

    private static void AssertChineseFixture(ImportResult r)
    {
        Assert.True(r.Ok, Issues(r));
        Assert.Equal(6, r.Questions.Count);

        var q = r.Questions[0].Question;
        Assert.Equal(2, r.Questions[0].Line);
        Assert.Equal(("p1-swot-q01", QuestionType.Single, "SWOT 分析中的“O”指的是（  ）。"), (q.Id, q.Type, q.Stem));
        Assert.Equal(["优势", "机会", "劣势", "威胁"], q.Options.Select(o => o.Text));
        Assert.Equal([false, true, false, false], q.Options.Select(o => o.Correct));
        Assert.Equal(("O 即 Opportunities（机会）。", 2, "p1-swot", "definition"), (q.Explanation, q.Difficulty, q.LessonId, q.Anchor));
        Assert.Equal(["概念", "SWOT"], q.Tags);
        Assert.Equal(1m, q.Points);

        q = r.Questions[1].Question;
        Assert.Equal(QuestionType.Multiple, q.Type);
        Assert.StartsWith("q-", q.Id);
        Assert.Equal([true, true, false, false], q.Options.Select(o => o.Correct));
        Assert.Null(q.Anchor);
        Assert.Empty(q.Tags);

        q = r.Questions[2].Question;
        Assert.Equal((QuestionType.TrueFalse, true, 1), (q.Type, q.TrueFalseAnswer, q.Difficulty));

        q = r.Questions[3].Question;
        Assert.Equal(QuestionType.Fill, q.Type);
        Assert.Equal(2, q.Blanks.Count);
        Assert.Equal(["顾客总价值", "总价值"], q.Blanks[0]);
        Assert.Equal(["顾客总成本"], q.Blanks[1]);
        Assert.Equal(3, q.Difficulty);

        q = r.Questions[4].Question;
        Assert.Equal("顾客让渡价值是{{1}}与{{2}}之差。", q.Stem); // placeholders became marks

        q = r.Questions[5].Question;
        Assert.Equal((QuestionType.Essay, 10m), (q.Type, q.Points));
        Assert.Equal("列出内部优势与劣势；\n列出外部机会与威胁", q.Rubric);
        Assert.Equal(["案例", "综合"], q.Tags);
        Assert.Equal(7, r.Questions[5].Line);
    }

    [Fact]
    public void Reads_a_csv_with_chinese_headers()
    {
        AssertChineseFixture(Csv(ChineseCsv));
        AssertChineseFixture(Csv("\uFEFF" + ChineseCsv)); // Excel's UTF-8 with BOM
    }

    [Fact]
    public void Reads_gb18030_csv_as_saved_by_chinese_excel()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        AssertChineseFixture(Csv(ChineseCsv, Encoding.GetEncoding("GB18030")));
    }

    [Fact]
    public void Reads_english_headers_and_semicolons()
    {
        var r = Csv("ID;Type;Stem;Option A;Option B;Option C;Answer;Explanation;Difficulty;Lesson;Anchor;Tags\n" +
                    "q-en-1;single;Pick one;x;y;z;c;because;5;p1-swot;;a,b\n" +
                    "q-en-2;truefalse;True?;;;;false;;;;;\n" +
                    "q-en-3;fill;Answer {{1}};;;;ｙｅｓ／yes;;;;;\n");
        Assert.True(r.Ok, Issues(r));
        Assert.Equal([false, false, true], r.Questions[0].Question.Options.Select(o => o.Correct));
        Assert.Equal(["a", "b"], r.Questions[0].Question.Tags);
        Assert.False(r.Questions[1].Question.TrueFalseAnswer);
        Assert.Equal(["ｙｅｓ", "yes"], r.Questions[2].Question.Blanks[0]);
    }

    [Fact]
    public void Reads_an_xlsx_with_chinese_headers_and_shared_strings()
    {
        var rows = ReadCsvRows(ChineseCsv);
        var r = SpreadsheetFormat.ParseXlsx("bank.xlsx", new MemoryStream(ExcelLikeXlsx(rows)));
        AssertChineseFixture(r);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_row_numbers()
    {
        var r = Csv(
            "题号,题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度\n" +
            "ok-1,单选,正常的题,甲,乙,丙,,A,,3\n" +
            "bad-type,连连看,题干,甲,乙,,,A,,\n" +
            "bad-letter,单选,没有 E 选项,甲,乙,丙,丁,E,,\n" +
            "bad-single,单选,两个答案,甲,乙,丙,丁,AB,,\n" +
            "bad-difficulty,判断,难度太高,,,,,对,,9\n" +
            "bad-gap,多选,中间缺选项,甲,,丙,丁,AC,,\n" +
            "bad-tf,判断,不知道,,,,,也许,,\n" +
            "ok-1,判断,重复题号,,,,,错,,\n" +
            "matching-1,连线,连线题,,,,,A-1,,\n");
        Assert.False(r.Ok);
        Assert.Equal(["ok-1"], r.Questions.Select(q => q.Question.Id));
        void Has(int line, string text) =>
            Assert.Contains(r.Issues, i => i.Line == line && i.Message.StartsWith($"第 {line} 行：") && i.Message.Contains(text));
        Has(3, "题型“连连看”无法识别");
        Has(4, "答案中的 E 没有对应的选项");
        Has(5, "单选题只能有一个答案");
        Has(6, "难度“9”无效");
        Has(7, "选项 B 为空");
        Has(8, "判断题答案“也许”无效");
        Has(9, "题号“ok-1”与第 2 行重复");
        var skipped = Assert.Single(r.Issues, i => i.Skipped);
        Assert.Equal(10, skipped.Line);
        Assert.All(r.Issues, i => Assert.Equal("bank.csv", i.File));
    }

    [Fact]
    public void Row_numbers_count_spreadsheet_rows_not_text_lines()
    {
        var r = Csv("题型,题干,答案\n问答,\"多行\n题干\",\"要点\n第二行\"\n单选,没有选项,A\n");
        Assert.Contains(r.Issues, i => i.Line == 3 && !i.Skipped);
    }

    [Fact]
    public void Missing_columns_and_unknown_headers_are_reported()
    {
        var r = Csv("题型,题目内容,答案\n单选,x,A\n");
        Assert.False(r.Ok);
        Assert.Contains(r.Issues, i => i.Line == 1 && i.Message.Contains("题目内容"));
        Assert.Contains(r.Issues, i => i.Message.Contains("缺少必需的列“题干”"));
    }

    [Fact]
    public void Round_trip_through_csv_and_xlsx_is_exact_for_template_types()
    {
        var questions = TemplateSamples();
        var skippedCsv = new List<ImportIssue>();
        var csv = SpreadsheetFormat.WriteCsv(questions, skippedCsv);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Take(3));
        var fromCsv = SpreadsheetFormat.ParseCsv("export.csv", new MemoryStream(csv));
        Assert.True(fromCsv.Ok, Issues(fromCsv));

        var skippedXlsx = new List<ImportIssue>();
        var xlsx = SpreadsheetFormat.WriteXlsx(questions, skippedXlsx);
        var fromXlsx = SpreadsheetFormat.ParseXlsx("export.xlsx", new MemoryStream(xlsx));
        Assert.True(fromXlsx.Ok, Issues(fromXlsx));

        var expected = questions.Where(q => q.Type is not (QuestionType.Matching or QuestionType.Ordering or QuestionType.Case))
            .Select(MoodleXmlFormatTests.J).ToList();
        Assert.Equal(expected, fromCsv.Questions.Select(q => MoodleXmlFormatTests.J(q.Question)));
        Assert.Equal(expected, fromXlsx.Questions.Select(q => MoodleXmlFormatTests.J(q.Question)));

        foreach (var skipped in new[] { skippedCsv, skippedXlsx })
        {
            Assert.Equal(3, skipped.Count);
            Assert.All(skipped, i => Assert.True(i.Skipped));
            Assert.Contains(skipped, i => i.Message.Contains("x-match") && i.Message.Contains("匹配"));
            Assert.Contains(skipped, i => i.Message.Contains("x-order"));
            Assert.Contains(skipped, i => i.Message.Contains("x-case"));
        }
    }

    /// <summary>Generated questions of the template's types with awkward text (GIFT syntax, quotes, separators, newlines, Chinese) round-trip exactly through CSV and XLSX.</summary>
    [Property(MaxTest = 150)]
    public FsCheck.Property Generated_template_questions_round_trip_through_csv_and_xlsx() =>
        Prop.ForAll(TemplateQuestions().ToArbitrary(), (List<Question> questions) =>
        {
            var csv = SpreadsheetFormat.ParseCsv("prop.csv", new MemoryStream(SpreadsheetFormat.WriteCsv(questions, [])));
            var xlsx = SpreadsheetFormat.ParseXlsx("prop.xlsx", new MemoryStream(SpreadsheetFormat.WriteXlsx(questions, [])));
            Assert.True(csv.Ok, Issues(csv));
            Assert.True(xlsx.Ok, Issues(xlsx));
            var expected = questions.Select(MoodleXmlFormatTests.J).ToList();
            foreach (var read in new[] { csv, xlsx })
            {
                var actual = read.Questions.Select(q => MoodleXmlFormatTests.J(q.Question)).ToList();
                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++) Assert.True(expected[i] == actual[i], $"written:\n{expected[i]}\nread:\n{actual[i]}");
            }
        });

    /// <summary>
    /// 1–4 questions of the template's types; ids, lessons and anchors valid (the template refuses others). A cell is
    /// read trimmed with LF line ends and the tag column is split at its separators, so text is trimmed with LF line
    /// ends and tags hold no separator.
    /// </summary>
    private static Gen<List<Question>> TemplateQuestions() =>
        from n in Gen.Choose(1, 4)
        from qs in Gen.ArrayOf(QuestionGen.Any().Where(
            q => q.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse or QuestionType.Fill or QuestionType.Essay), n)
        select qs.Select((q, i) => q with
        {
            Id = $"tpl-q{i}", LessonId = i % 2 == 0 ? "p1-swot" : "", Anchor = i % 3 == 0 ? "a-1" : null,
            Stem = Cell(q.Stem), Explanation = Cell(q.Explanation), Rubric = Cell(q.Rubric),
            Options = q.Options.Select(o => o with { Text = Cell(o.Text) }).ToList(),
            Blanks = q.Blanks.Select(b => (IReadOnlyList<string>)b.Select(Cell).ToList()).ToList(),
            Tags = q.Tags.Select(Cell).Where(t => t.Length > 0 && t.IndexOfAny(['，', '、', ',', ';', '；']) < 0).Distinct().ToList(),
        }).ToList();

    private static string Cell(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim().Trim('\u3000').Trim();

    [Fact]
    public void Formula_like_text_is_neutralised_on_export_and_restored_on_import()
    {
        var q = new Question
        {
            Id = "f-1", Type = QuestionType.Single, Stem = "=HYPERLINK(\"http://x\",\"y\")",
            Options = [new("+1", true), new("-1", false), new("@a", false), new("'=already quoted", false), new("\tTab", false)],
            Explanation = "=1+1", Tags = ["-负数"],
        };
        var fill = new Question { Id = "f-2", Type = QuestionType.Fill, Stem = "@{{1}}", Blanks = [["-1", "=A1"]] };

        var csv = SpreadsheetFormat.WriteCsv([q, fill]);
        var cells = ReadCsvRows(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF')).SelectMany(r => r.Cells).ToList();
        Assert.Contains("'=HYPERLINK(\"http://x\",\"y\")", cells);
        Assert.Contains("'+1", cells);
        Assert.Contains("'-1", cells);
        Assert.Contains("'@a", cells);
        Assert.Contains("''=already quoted", cells);
        Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r', c));

        var xlsx = SpreadsheetFormat.WriteXlsx([q, fill]);
        var xlsxCells = ReadXlsxCells(xlsx);
        Assert.Contains("'=HYPERLINK(\"http://x\",\"y\")", xlsxCells);
        Assert.All(xlsxCells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r', c));

        var expected = q with { Options = [.. q.Options.Take(4), new("Tab", false)] }; // cells are trimmed on import
        foreach (var r in new[]
                 {
                     SpreadsheetFormat.ParseCsv("f.csv", new MemoryStream(csv)),
                     SpreadsheetFormat.ParseXlsx("f.xlsx", new MemoryStream(xlsx)),
                 })
        {
            Assert.True(r.Ok, Issues(r));
            Assert.Equal(MoodleXmlFormatTests.J(expected), MoodleXmlFormatTests.J(r.Questions[0].Question));
            Assert.Equal(MoodleXmlFormatTests.J(fill), MoodleXmlFormatTests.J(r.Questions[1].Question));
        }
    }

    [Fact]
    public void Zip_bombs_are_rejected_before_opening()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++) s.Write(zeros);
        }
        Assert.True(ms.Length < ImportLimits.MaxBytes);
        var r = SpreadsheetFormat.ParseXlsx("bomb.xlsx", new MemoryStream(ms.ToArray()));
        Assert.False(r.Ok);
        Assert.Contains("压缩炸弹", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void Oversize_and_corrupt_files_are_rejected()
    {
        var big = new byte[ImportLimits.MaxBytes + 10];
        Array.Fill(big, (byte)'a');
        var r = SpreadsheetFormat.ParseCsv("big.csv", new MemoryStream(big));
        Assert.False(r.Ok);
        Assert.Contains("MB", Assert.Single(r.Issues).Message);

        r = SpreadsheetFormat.ParseXlsx("bad.xlsx", new MemoryStream(Encoding.UTF8.GetBytes("not a zip")));
        Assert.False(r.Ok);
        Assert.Contains("已损坏", Assert.Single(r.Issues).Message);
    }

    [Fact]
    public void Fill_answers_escape_separators()
    {
        var blanks = new List<IReadOnlyList<string>> { new[] { "a/b", "c|d", "e\\f" }, new[] { "甲／乙" } };
        var text = SpreadsheetFormat.FormatBlanks(blanks);
        Assert.Equal("a\\/b/c\\|d/e\\\\f|甲\\／乙", text);
        var back = SpreadsheetFormat.ParseBlanks(text);
        Assert.Equal(blanks.Select(b => b.ToList()), back.Select(b => b.ToList()));
    }

    private static List<Question> TemplateSamples() =>
    [
        new Question
        {
            Id = "p1-swot-q01", Type = QuestionType.Single, Stem = "SWOT 分析中的“O”指的是（  ）。", Explanation = "O 即 Opportunities（机会），\"外部\"因素。",
            Difficulty = 2, LessonId = "p1-swot", Anchor = "definition", Tags = ["概念", "SWOT"],
            Options = [new("优势", false), new("机会", true), new("劣势, 弱点", false), new("威胁", false)],
        },
        new Question
        {
            Id = "p1-swot-q02", Type = QuestionType.Multiple, Stem = "以下属于外部因素的有：\n（多选）", Status = QuestionStatus.Draft, Points = 2.5m,
            Options = [new("机会", true), new("优势", false), new("威胁", true), new("劣势", false), new("政策", true), new("文化", false), new("技术", true)],
        },
        new Question { Id = "p1-tf", Type = QuestionType.TrueFalse, Stem = "顾客让渡价值 = 总价值 − 总成本", TrueFalseAnswer = false, Status = QuestionStatus.Retired, Difficulty = 1 },
        new Question { Id = "x-match", Type = QuestionType.Matching, Stem = "连线", Pairs = [new("S", "内部有利"), new("T", "外部不利")] },
        new Question { Id = "p1-fill-1", Type = QuestionType.Fill, Stem = "差额称为{{1}}。", Blanks = [["顾客让渡价值", "让渡价值", "C/S 架构"]] },
        new Question { Id = "p1-fill-2", Type = QuestionType.Fill, Stem = "顾客让渡价值 = {{1}} − {{2}}", Blanks = [["顾客总价值", "总价值"], ["顾客总成本"]], Explanation = "见第二节" },
        new Question { Id = "x-order", Type = QuestionType.Ordering, Stem = "排序", Items = ["一", "二"] },
        new Question { Id = "p1-essay", Type = QuestionType.Essay, Stem = "论述 SWOT。", Rubric = "- 内部\n- 外部", Points = 15, LessonId = "p1-swot" },
        new Question { Id = "p1-essay-2", Type = QuestionType.Essay, Stem = "简述。", Rubric = "要点", Points = 10 },
        new Question
        {
            Id = "x-case", Type = QuestionType.Case, Stem = "阅读案例", Scenario = "某公司", Parts =
            [
                new Question { Id = "x-case-a", Type = QuestionType.TrueFalse, Stem = "对吗", TrueFalseAnswer = true },
            ],
        },
    ];

    private static List<(int Line, string[] Cells)> ReadCsvRows(string text)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<(int, string[])>();
        while (csv.Read()) rows.Add((rows.Count + 1, csv.Parser.Record ?? []));
        return rows;
    }

    /// <summary>An XLSX as Excel writes it: shared strings, numbers as numbers, a sparse row.</summary>
    private static byte[] ExcelLikeXlsx(List<(int Line, string[] Cells)> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var strings = wb.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (line, cells) in rows)
            {
                var row = new Row { RowIndex = (uint)line };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length == 0) continue;
                    var reference = (char)('A' + c) + line.ToString(CultureInfo.InvariantCulture);
                    if (int.TryParse(cells[c], out _))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(cells[c]) });
                        continue;
                    }
                    if (!index.TryGetValue(cells[c], out var i))
                    {
                        i = index.Count;
                        index[cells[c]] = i;
                        // Chinese Excel adds phonetic guides (rPh); they must not leak into the text.
                        strings.SharedStringTable.Append(new SharedStringItem(
                            new Text(cells[c]) { Space = SpaceProcessingModeValues.Preserve },
                            new PhoneticRun(new Text("ピンイン")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
                    }
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                }
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
        }
        return ms.ToArray();
    }

    private static List<string> ReadXlsxCells(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList();
    }
}
