using HarborHa.Model;

namespace HarborHa.Storage;

/// <summary>A bucket that Harbor's registry user may read and write: its name, ARN, encryption key and region.</summary>
public sealed record ServedBucket(Ref Name, Ref Arn, Value KmsKeyArn, string Region)
{
    /// <summary>Every object of the bucket (<c>arn/*</c>).</summary>
    public Value Objects => new Interpolation(Arn, "/*");
}
