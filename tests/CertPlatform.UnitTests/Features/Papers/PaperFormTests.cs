using CertPlatform.Web.Features.Papers;

namespace CertPlatform.UnitTests.Features.Papers;

public sealed class PaperFormTests
{
    [Fact]
    public void An_uploaded_trainee_list_adds_its_first_column_once_after_the_typed_trainees()
    {
        var form = new PaperForm { Trainees = "E1001\nbob@demo.local" };
        form.AddTraineeList("\"E1002\",张三,营业一部\r\nE1001\t李四\n\n  carol@demo.local  \nE1002,again\n");
        Assert.Equal("E1001\nbob@demo.local\nE1002\ncarol@demo.local", form.Trainees);
    }

    [Fact]
    public void The_save_intent_is_the_only_one_that_saves()
    {
        Assert.True(PaperFormIntent.IsSave(PaperFormIntent.Save));
        Assert.False(PaperFormIntent.IsSave(PaperFormIntent.Check));
        Assert.False(PaperFormIntent.IsSave(null));
    }
}
