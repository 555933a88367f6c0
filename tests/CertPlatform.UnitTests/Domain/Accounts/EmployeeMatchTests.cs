using CertPlatform.Web.Domain.Accounts;
using static CertPlatform.Web.Domain.Accounts.EmployeeMatch;

namespace CertPlatform.UnitTests.Domain.Accounts;

public sealed class EmployeeMatchTests
{
    [Theory]
    [InlineData("E1001", "张三", "示例分公司", "E1001", "张三", "示例分公司", EmployeeMatchOutcome.Match)]
    [InlineData("e1001", "张 三", "示例分公司", "E1001", "张三", "示例分公司", EmployeeMatchOutcome.Match)] // 工号 case, spaces in the name
    [InlineData("E1001", "张三", "", "E1001", "张三", "示例分公司", EmployeeMatchOutcome.Match)] // organisation only on one side
    [InlineData("E1001", "张三", "示例分公司", "E1001", "张三", "", EmployeeMatchOutcome.Match)]
    [InlineData("E1001", "张三", "示例分公司", "E1001", "李四", "示例分公司", EmployeeMatchOutcome.Mismatch)]
    [InlineData("E1001", "张三", "示例分公司", "E1001", "张三", "另一分公司", EmployeeMatchOutcome.Mismatch)]
    [InlineData("E1001", "", "", "E1001", "", "", EmployeeMatchOutcome.Mismatch)] // no name is never a match
    [InlineData("E1001", "张三", "", "E1002", "张三", "", EmployeeMatchOutcome.NoRecord)]
    [InlineData(null, "张三", "", "E1001", "张三", "", EmployeeMatchOutcome.NoRecord)]
    public void Compares_number_name_and_organisation(string? number, string name, string org, string recordNumber, string recordName, string recordOrg, EmployeeMatchOutcome expected) =>
        Assert.Equal(expected, Compare(number, name, org, recordNumber, recordName, recordOrg));
}
