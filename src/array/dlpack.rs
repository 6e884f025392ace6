//! DLPack's C structures (versions 0 and 1) and its data types, for exchanging arrays with
//! other libraries without a copy; the capsules that carry them are made in the bindings.

use std::ffi::c_void;

use crate::dtype::{DType, ScalarType};
use crate::error::{Error, Result};

#[repr(C)]
#[derive(Copy, Clone)]
pub struct DLDevice {
    pub device_type: i32,
    pub device_id: i32,
}
#[repr(C)]
#[derive(Copy, Clone)]
pub struct DLDataType {
    pub code: u8,
    pub bits: u8,
    pub lanes: u16,
}
#[repr(C)]
pub struct DLTensor {
    pub data: *mut c_void,
    pub device: DLDevice,
    pub ndim: i32,
    pub dtype: DLDataType,
    pub shape: *mut i64,
    pub strides: *mut i64,
    pub byte_offset: u64,
}
#[repr(C)]
pub struct DLManagedTensor {
    pub dl_tensor: DLTensor,
    pub manager_ctx: *mut c_void,
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}
#[repr(C)]
pub struct DLPackVersion {
    pub major: u32,
    pub minor: u32,
}
#[repr(C)]
pub struct DLManagedTensorVersioned {
    pub version: DLPackVersion,
    pub manager_ctx: *mut c_void,
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    pub flags: u64,
    pub dl_tensor: DLTensor,
}

pub const DL_CPU: i32 = 1;
pub const DL_FLAG_READ_ONLY: u64 = 1;

/// The DLPack type of a dtype (native byte order, numeric only).
pub fn dl_dtype(dt: &DType) -> Result<DLDataType> {
    if !dt.is_native() {
        return Err(Error::Buffer(
            "DLPack only supports native byte order.".into(),
        ));
    }
    let st = dt
        .scalar_type()
        .ok_or_else(|| Error::Buffer("DLPack only supports numeric dtypes".into()))?;
    let code = match st.kind() {
        'b' => 6,
        'i' => 0,
        'u' => 1,
        'f' => 2,
        _ => 5,
    };
    Ok(DLDataType {
        code,
        bits: (st.itemsize() * 8) as u8,
        lanes: 1,
    })
}

/// The dtype of a DLPack type.
pub fn dtype_from_dl(t: DLDataType) -> Result<DType> {
    use ScalarType::*;
    if t.lanes != 1 {
        return Err(Error::Buffer(
            "DLPack data types with lanes != 1 are not supported".into(),
        ));
    }
    let st = match (t.code, t.bits) {
        (6, 8) | (1, 1) => Bool,
        (0, 8) => Int8,
        (0, 16) => Int16,
        (0, 32) => Int32,
        (0, 64) => Int64,
        (1, 8) => UInt8,
        (1, 16) => UInt16,
        (1, 32) => UInt32,
        (1, 64) => UInt64,
        (2, 16) => Float16,
        (2, 32) => Float32,
        (2, 64) => Float64,
        (5, 64) => Complex64,
        (5, 128) => Complex128,
        _ => {
            return Err(Error::Buffer(format!(
                "DLPack data type (code {}, bits {}) is not supported",
                t.code, t.bits
            )))
        }
    };
    Ok(st.dtype())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_types_round_trip() {
        for st in ScalarType::ALL {
            let t = dl_dtype(&st.dtype()).unwrap();
            assert_eq!(dtype_from_dl(t).unwrap(), st.dtype());
        }
        let swapped = crate::dtype::numeric::swapped::<f64>();
        assert!(matches!(dl_dtype(&swapped), Err(Error::Buffer(_))));
        let vec4 = DLDataType {
            code: 2,
            bits: 32,
            lanes: 4,
        };
        assert!(matches!(dtype_from_dl(vec4), Err(Error::Buffer(_))));
    }
}
