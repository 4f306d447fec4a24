namespace HarborHa.Distribution;

/// <summary>How often Harbor runs a project's retention policy.</summary>
public enum RetentionFrequency
{
    /// <summary>Every hour: for projects that CI fills quickly.</summary>
    Hourly,

    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,
}
