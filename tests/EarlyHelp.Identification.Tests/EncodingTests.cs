using System.Text;

namespace EarlyHelp.Identification.Tests;

/// <summary>Partner files are UTF-8 (contracts/datasets.md), with or without a byte order mark; a file marked UTF-16 is read as UTF-16.</summary>
public class EncodingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 17)]
    public void Text_decodes_the_same_as_StreamReader_whatever_the_reader_asks_for_at_a_time(int bufferSize)
    {
        // Two-, three- and four-byte characters, across the reader's 64 KiB blocks, and an invalid byte.
        var text = new StringBuilder();
        for (var i = 0; i < 12_000; i++)
        {
            text.Append("Zoë,£12,").Append(i).Append(",😀\n");
        }

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(text.ToString()), 0xC3]);
            string expected;
            using (var stream = new StreamReader(path, new UTF8Encoding(false)))
            {
                expected = stream.ReadToEnd();
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            using var reader = Utf8FileReader.Open(file);
            var read = new StringBuilder();
            var buffer = new char[bufferSize];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                read.Append(buffer, 0, n);
            }

            Assert.Equal(expected, read.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("utf-8 with a byte order mark")]
    [InlineData("utf-16 with a byte order mark")]
    public void A_file_with_a_byte_order_mark_is_read_from_its_first_column(string encoding)
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2010-05-01,")
            .Police("C1,2025-01-10,asb,subject,0", "C1,2025-02-10,offence,subject,0", "C1,2025-03-10,offence,subject,0");
        data.Write();
        var police = Path.Combine(data.Folder, "police.csv");
        var lines = File.ReadAllText(police);
        File.WriteAllText(police, lines, encoding.StartsWith("utf-8", StringComparison.Ordinal) ? new UTF8Encoding(true) : new UnicodeEncoding(false, true));
        var result = data.Identify("national-2022", "2025-07-31");
        Assert.Contains("CRM-YP", Assert.Single(result.Candidates).Needs);
    }

    [Fact]
    public void A_word_with_letters_beyond_ascii_is_quoted_as_it_was_written()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,").Health("A1,2025-01-01,santé-mentale");
        var read = data.Read("national-2022", "2025-07-31");
        Assert.Contains(read.Errors, e => e.Message.StartsWith("flag: 'santé-mentale' is not one of", StringComparison.Ordinal));
    }
}
