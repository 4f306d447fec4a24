namespace HarborHa.Common;

/// <summary>How a stateful service survives the loss of an availability zone.</summary>
public enum Redundancy
{
    /// <summary>
    /// A standby or replica in another AZ and automatic failover to it: ha and geo. The default,
    /// because a component should be production-safe without arguments.
    /// </summary>
    MultiAz,

    /// <summary>One node in one AZ: losing the AZ stops the service until it is restored. single-site.</summary>
    SingleAz,
}
